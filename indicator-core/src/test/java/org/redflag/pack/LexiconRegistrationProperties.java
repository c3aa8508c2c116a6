package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.redflag.match.Boundary;
import org.redflag.match.LexiconPattern;
import org.redflag.match.MatchAutomaton;
import org.redflag.pack.PackSet.ResolvedEntry;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * {@link LexiconCompiler} registers each distinct written text once and {@link PhraseCollector} tells
 * its meanings apart. Random small packs (texts sharing words, inflected and elongated forms, every
 * boundary rule, gapped phrases, exclusions, contexts, negation words) must give the same hits, in the
 * same order, as the registration of one automaton pattern per meaning ({@link OldRegistration}) with
 * one ring of chains per gapped phrase part ({@link OldChains}), on random text. The meanings the
 * collector walks are those of the old registration, in its order, less the two kinds it skips because
 * they could do nothing: first parts that another phrase's chains serve, and later parts whose ring
 * is empty. Both oracles are the pre-optimisation code, kept in this test.
 */
class LexiconRegistrationProperties {
  private static final TextPipeline P = TextPipeline.defaults();
  private static final String[] WORDS = {"and", "an", "my", "no", "not", "girl", "girls", "booking", "book", "new",
      "in", "town", "call", "calls", "manager", "ann", "nd", "g1rl", "bo"};
  private static final String[] NOISE = {"brand", "boooking", "bokking", "girlss", "anand", "mymy", "xq", "b00king",
      "innew", "n0t", "G I R L", "an-d", "town's"};
  private static final String[] BOUNDARIES = {"word", "prefix", "none"};

  @Property(tries = 200)
  void theCollectorFindsTheSameHitsAsWithOnePatternPerMeaning(@ForAll long seed) {
    Random r = new Random(seed);
    List<IndicatorPack> packs = new ArrayList<>();
    int packCount = 1 + r.nextInt(2);
    for (int k = 0; k < packCount; k++) packs.add(randomPack(r, k));
    PackSet set = PackSet.of(packs);
    LexiconCompiler.Compiled c = LexiconCompiler.compile(set, P);
    OldRegistration old = new OldRegistration(set);
    LexiconTables t = c.tables();
    int shared = 0; // first-part meanings of phrases whose representative writes their chains
    for (int p = 0; p < old.automaton.patternCount(); p++) if (sharesChains(t, old, p)) shared++;
    assertThat(t.meanings()).isEqualTo(old.automaton.patternCount() - shared);
    assertThat(c.automaton().patternCount()).isLessThanOrEqualTo(old.automaton.patternCount());
    for (int i = 0; i < 5; i++) {
      AnalyzedText text = P.analyze(randomText(r));
      List<List<Integer>> expected = new ArrayList<>();
      OldChains chains = new OldChains(t, text);
      old.automaton.scan(text, (p, s, e) -> {
        chains.meaning(old.role.get(p), old.target.get(p), old.gapPhrase.get(p), old.gapPart.get(p), s, e);
        if (!sharesChains(t, old, p)) {
          expected.add(List.of(old.role.get(p), old.target.get(p), old.gapPhrase.get(p), old.gapPart.get(p), s, e));
        }
      });
      List<List<Integer>> actual = new ArrayList<>();
      LexiconScratch sc = new LexiconScratch(c.entries().size(), t.slots, c.contexts().size(), c.negation());
      new PhraseCollector(sc, t.slots) {
        @Override
        void meaning(int m, int s, int e) {
          actual.add(List.of(t.role[m], t.target[m], t.gapPhrase[m], t.gapPart[m], s, e));
          super.meaning(m, s, e);
        }
      }.collect(c.automaton(), t, text);
      // later parts whose ring holds no chain are skipped: they would do nothing
      assertThat(withoutLaterParts(actual)).isEqualTo(withoutLaterParts(expected));
      assertThat(isSubsequence(actual, expected)).as("walked meanings in registration order").isTrue();
      assertThat(Arrays.stream(sc.hits, 0, 4 * sc.hitCount).boxed().toList()).as("hits").isEqualTo(chains.hits());
    }
  }

  private static List<List<Integer>> withoutLaterParts(List<List<Integer>> meanings) {
    return meanings.stream().filter(m -> m.get(2) < 0 || m.get(3) == 0).toList();
  }

  private static boolean isSubsequence(List<List<Integer>> part, List<List<Integer>> whole) {
    int i = 0;
    for (List<Integer> m : whole) if (i < part.size() && part.get(i).equals(m)) i++;
    return i == part.size();
  }

  /** Whether old pattern {@code p} is the first part of a gapped phrase that another phrase's chains serve. */
  private static boolean sharesChains(LexiconTables t, OldRegistration old, int p) {
    int g = old.gapPhrase.get(p);
    return g >= 0 && old.gapPart.get(p) == 0 && t.gpRep[g] != g;
  }

  /**
   * The pre-optimisation chaining, kept as an oracle: {@link PhraseCollector#meaning} as it was when
   * every gapped phrase part after the first had a ring of pending chains of its own (before phrases
   * with the same first part shared one), fed with every meaning of {@link OldRegistration}.
   */
  private static final class OldChains {
    private final LexiconTables t;
    private final AnalyzedText src;
    private final java.util.Map<List<Integer>, List<int[]>> rings = new java.util.HashMap<>(); // (phrase, part) -> chains, oldest first
    private final List<Integer> hits = new ArrayList<>();
    private int lastCueEnd = Integer.MIN_VALUE / 2;

    OldChains(LexiconTables t, AnalyzedText src) {
      this.t = t;
      this.src = src;
    }

    void meaning(int role, int target, int g, int part, int s, int e) {
      if (g < 0) {
        if (role == LexiconTables.ROLE_CUE) lastCueEnd = e;
        else if (role == LexiconTables.ROLE_THROUGH && s - lastCueEnd > PhraseCollector.THROUGH_REACH) return;
        hits.addAll(List.of(role, target, s, e));
        return;
      }
      int chainStart = s;
      if (part > 0) {
        List<int[]> ring = rings.getOrDefault(List.of(g, part - 1), List.of());
        int max = t.gpMaxGap[g][part - 1];
        int found = -1;
        for (int k = ring.size() - 1; k >= 0 && k >= ring.size() - PhraseCollector.RING; k--) {
          int[] chain = ring.get(k);
          if (chain[1] <= s && src.fewerWordsThan(chain[1], s, max + 1)) {
            found = chain[0];
            break;
          }
        }
        if (found < 0) return;
        chainStart = found;
      }
      if (part == t.gpParts[g] - 1) {
        hits.addAll(List.of(t.gpRole[g], t.gpTarget[g], chainStart, e));
        return;
      }
      rings.computeIfAbsent(List.of(g, part), k -> new ArrayList<>()).add(new int[] {chainStart, e});
    }

    List<Integer> hits() { return hits; }
  }

  /** A pack made only of words from {@link #WORDS}, so that its texts share words and forms. */
  private static IndicatorPack randomPack(Random r, int k) {
    StringBuilder entries = new StringBuilder();
    int n = 1 + r.nextInt(6);
    for (int e = 0; e < n; e++) {
      if (e > 0) entries.append(',');
      entries.append("{\"id\": \"p").append(k).append(".e").append(e).append("\", \"indicator\": \"x.y\", \"source\": \"test\", ")
          .append("\"patterns\": ").append(phrases(r, 1 + r.nextInt(3), true))
          .append(", \"boundary\": \"").append(BOUNDARIES[r.nextInt(3)]).append('"');
      if (r.nextInt(3) == 0) entries.append(", \"exclude\": ").append(phrases(r, 1, false));
      if (r.nextInt(3) == 0) entries.append(", \"context\": \"ctx\"");
      entries.append('}');
    }
    String json = """
        {"id": "p%d", "version": "1", "language": "en",
         "contexts": {"ctx": {"categories": ["escort"], "terms": %s}},
         "negation": {"cues": %s, "window": 3, "through": %s},
         "entries": [%s]}""".formatted(k, phrases(r, 2, false), phrases(r, 2, false), phrases(r, 3, false), entries);
    return PackLoader.load("p" + k + ".json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String phrases(Random r, int count, boolean gaps) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(", ");
      sb.append('"');
      int words = 1 + r.nextInt(3);
      for (int w = 0; w < words; w++) {
        if (w > 0) sb.append(gaps && r.nextInt(3) == 0 ? " {gap:" + (1 + r.nextInt(3)) + "} " : " ");
        sb.append(WORDS[r.nextInt(WORDS.length)]);
      }
      sb.append('"');
    }
    return sb.append(']').toString();
  }

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(4) == 0 ? NOISE[r.nextInt(NOISE.length)] : WORDS[r.nextInt(WORDS.length)]);
      sb.append(r.nextInt(5) == 0 ? ", " : r.nextInt(8) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  /**
   * The pre-optimisation code, kept as an oracle: {@link LexiconCompiler}'s registration as it was
   * when every meaning (each variant of each phrase or gapped-phrase part, for each role and target)
   * was an automaton pattern of its own, with its own boundary rule and repeat marks.
   */
  private static final class OldRegistration {
    final MatchAutomaton automaton;
    final List<Integer> role = new ArrayList<>();
    final List<Integer> target = new ArrayList<>();
    final List<Integer> gapPhrase = new ArrayList<>();
    final List<Integer> gapPart = new ArrayList<>();
    private final MatchAutomaton.Builder builder = MatchAutomaton.builder();
    private int phrases;

    OldRegistration(PackSet packs) {
      List<ResolvedEntry> list = packs.entries();
      List<PackContext> contexts = new ArrayList<>();
      for (int e = 0; e < list.size(); e++) {
        ResolvedEntry r = list.get(e);
        PackEntry entry = r.entry();
        if (entry.contextRule().isPresent()) {
          PackContext c = packs.context(r, entry.contextRule().get().name());
          if (!contexts.contains(c)) {
            contexts.add(c);
            for (String term : c.terms()) add(term, Boundary.WORD, LexiconTables.ROLE_CONTEXT, contexts.size() - 1);
          }
        }
        for (String p : entry.patterns()) add(p, entry.boundary(), LexiconTables.ROLE_ENTRY, e);
        for (String p : entry.exclude()) add(p, Boundary.WORD, LexiconTables.ROLE_EXCLUDE, e);
      }
      List<IndicatorPack> packList = packs.packs();
      for (int p = 0; p < packList.size(); p++) {
        for (String cue : packList.get(p).negationCues()) add(cue, Boundary.WORD, LexiconTables.ROLE_CUE, p);
        for (String word : packList.get(p).negationThrough()) add(word, Boundary.WORD, LexiconTables.ROLE_THROUGH, p);
      }
      automaton = builder.build();
    }

    private void add(String pattern, Boundary boundary, int r, int t) {
      for (LexiconPattern.Phrase phrase : LexiconPattern.parse(pattern)) {
        List<List<PhraseVariants.Variant>> parts = new ArrayList<>();
        for (String part : phrase.parts()) {
          List<PhraseVariants.Variant> forms = PhraseVariants.of(P.analyze(part), P);
          if (!forms.isEmpty()) parts.add(forms);
        }
        if (parts.size() != phrase.parts().size()) continue;
        int g = parts.size() == 1 ? -1 : phrases++;
        for (int k = 0; k < parts.size(); k++) {
          for (PhraseVariants.Variant v : parts.get(k)) {
            builder.add(v.text(), boundary, v.repeatMask());
            role.add(r);
            target.add(t);
            gapPhrase.add(g);
            gapPart.add(parts.size() == 1 ? 0 : k);
          }
        }
      }
    }
  }
}
