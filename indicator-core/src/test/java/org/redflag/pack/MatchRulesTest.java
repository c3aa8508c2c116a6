package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

class MatchRulesTest {
  private static final TextPipeline P = TextPipeline.defaults();

  private static String entry(String id, String indicator, String patterns) {
    return "{\"id\":\"" + id + "\",\"indicator\":\"" + indicator + "\",\"source\":\"test\",\"patterns\":[" + patterns + "]}";
  }

  /**
   * Exclusion and leftmost-longest against a brute force, on random hits: a match of an entry is
   * cancelled when any exclusion hit of the same entry overlaps it; of the rest, sorted by start then
   * longest first, one is kept when it starts at or after the end of the last kept match of its entry.
   */
  @Test
  void exclusionsAndLeftmostLongestAgreeWithABruteForce() {
    IndicatorPack pack = PackLoaderTest.load("{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + entry("a", "x.a", "\"alpha\"") + "," + entry("b", "x.b", "\"beta\"") + "," + entry("c", "x.a", "\"gamma\"") + "]}");
    LexiconCompiler.Compiled c = LexiconCompiler.compile(PackSet.of(List.of(pack)), P);
    MatchRules rules = new MatchRules(c.entries(), c.negation(), new TagGlobs(c.entries().resolved));
    LexiconScratch sc = new LexiconScratch(3, 0, 0, c.negation());
    AnalyzedText src = P.analyze("abcdefghijklmnopqrstuvwxyzabcdefghijklmn"); // no letter repeated: no run folded
    for (int i = 0; i < 40; i++) { // spans read back as given
      assertThat(src.originalStart(i)).isEqualTo(i);
      assertThat(src.originalEnd(i + 1)).isEqualTo(i + 1);
    }
    boolean[] all = {true};
    Random r = new Random(3);
    int cancelledSome = 0;
    for (int round = 0; round < 5_000; round++) {
      int n = 1 + r.nextInt(12);
      List<int[]> hits = new ArrayList<>(); // (role, entry, start, end)
      for (int k = 0; k < n; k++) {
        int s = r.nextInt(39);
        int e = s + 1 + r.nextInt(Math.min(8, 40 - s));
        int role = r.nextInt(3) == 0 ? LexiconTables.ROLE_EXCLUDE : LexiconTables.ROLE_ENTRY;
        hits.add(new int[] {role, r.nextInt(3), s, e});
      }
      hits.sort(Comparator.comparingInt(h -> h[3])); // the collector's order: by end
      sc.hitCount = 0;
      for (int[] h : hits) sc.addHit(h[0], h[1], h[2], h[3]);
      sc.rowCount = 0;
      rules.decide(src, LexiconMatches.KIND_TEXT, 0, n, all, null, sc);
      List<List<Integer>> actual = new ArrayList<>();
      for (int k = 0; k < sc.rowCount; k++) {
        actual.add(List.of(sc.rows[3 * k] & LexiconMatches.ENTRY_MASK, sc.rows[3 * k + 1], sc.rows[3 * k + 2]));
      }
      List<int[]> survivors = new ArrayList<>();
      for (int[] m : hits) {
        if (m[0] != LexiconTables.ROLE_ENTRY) continue;
        boolean overlapped = hits.stream().anyMatch(x -> x[0] == LexiconTables.ROLE_EXCLUDE && x[1] == m[1]
            && x[2] < m[3] && x[3] > m[2]);
        if (!overlapped) survivors.add(m);
        else cancelledSome++;
      }
      survivors.sort(Comparator.<int[]>comparingInt(m -> m[2]).thenComparing(m -> -m[3]));
      int[] lastEnd = new int[3];
      Arrays.fill(lastEnd, -1);
      List<List<Integer>> expected = new ArrayList<>();
      for (int[] m : survivors) {
        if (m[2] < lastEnd[m[1]]) continue;
        lastEnd[m[1]] = m[3];
        expected.add(List.of(m[1], m[2], m[3]));
      }
      assertThat(actual).as("hits %s", hits.stream().map(Arrays::toString).toList()).isEqualTo(expected);
    }
    assertThat(cancelledSome).isGreaterThan(1_000);
  }

  // the same wording in an English and a German pack, each with its own negation cue
  private static final CompiledLexicon TWO_LANGUAGES = CompiledLexicon.compile(PackSet.of(List.of(
      PackLoaderTest.load("{\"id\":\"en\",\"version\":\"1\",\"language\":\"en\",\"negation\":{\"cues\":[\"not\"],\"window\":2},"
          + "\"entries\":[" + entry("en.e", "x.y", "\"24/7\"") + "]}"),
      PackLoaderTest.load("{\"id\":\"de\",\"version\":\"1\",\"language\":\"de\",\"negation\":{\"cues\":[\"nicht\"],\"window\":2},"
          + "\"entries\":[" + entry("de.e", "x.y", "\"24/7\"") + "]}"))), P);

  private static List<String> fired(String text, String language) {
    Advert a = Advert.builder("a", text).build();
    return TWO_LANGUAGES.scan(a, P.analyze(text), null, language).stream().map(m -> m.entry().id()).toList();
  }

  @Test
  void aCueNegatesTheEntriesOfItsOwnPackOrOfEveryPackWhenTheLanguageIsUnknown() {
    assertThat(fired("open 24/7", null)).containsExactly("en.e", "de.e");
    assertThat(fired("not 24/7", null)).isEmpty();
    assertThat(fired("nicht 24/7", null)).isEmpty();
    assertThat(fired("not 24/7", "en")).isEmpty();
    assertThat(fired("not 24/7", "de")).containsExactly("de.e");
    assertThat(fired("nicht 24/7", "de")).isEmpty();
    assertThat(fired("nicht 24/7", "en")).containsExactly("en.e");
    assertThat(fired("24/7 not", "en")).containsExactly("en.e"); // a cue after the match governs nothing
  }

  @Test
  void anExclusionCancelsOnlyTheMatchesItOverlaps() {
    IndicatorPack pack = PackLoaderTest.load("{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + "{\"id\":\"a\",\"indicator\":\"x.y\",\"source\":\"test\",\"patterns\":[\"agency\"],\"exclude\":[\"travel agency\"]},"
        + entry("b", "x.z", "\"agency\"") + "]}");
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(pack)), P);
    java.util.function.Function<String, List<String>> scan = text -> lex.scan(Advert.builder("a", text).build(),
        P.analyze(text), null, null).stream().map(m -> m.entry().id() + "@" + m.start()).toList();
    // the other entry's match of the same words stands; a second, unexcluded match of the entry stands
    assertThat(scan.apply("travel agency")).containsExactly("b@7");
    assertThat(scan.apply("travel agency, then agency")).containsExactly("b@7", "a@20", "b@20");
  }
}
