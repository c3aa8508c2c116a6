package org.redflag.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * The dense and the sparse automaton both report exactly what a brute-force search finds, in order of
 * end. Texts of up to 60 chars exercise the dense scan with one, two and four interleaved chains (the
 * number depends on the text length against the longest pattern); texts of up to 13,000 chars cross the
 * scan's 4,096-char blocks.
 */
class MatchAutomatonProperties {
  private static final TextPipeline RAW = TextPipeline.builder().leetspeak(false).joinLetters(false).build();

  @Property(tries = 200)
  void denseAndSparseAgreeWithBruteForce(@ForAll("patterns") List<String> patterns, @ForAll("text") String text) {
    check(patterns, text);
  }

  @Property(tries = 15)
  void longTextsAcrossBlocks(@ForAll("patterns") List<String> patterns, @ForAll("longText") String text) {
    check(patterns, text);
  }

  /**
   * Texts built from the patterns themselves, so that long pattern prefixes straddle the points where
   * the dense scan's chains meet (random text rarely does: a wrong warm-up would go unnoticed).
   */
  @Property(tries = 300)
  void patternRichTexts(@ForAll("patterns") List<String> patterns, @ForAll("picks") List<Integer> picks) {
    StringBuilder text = new StringBuilder();
    for (int pick : picks) {
      String p = patterns.get(pick % patterns.size());
      // a pattern whole, or all but its last char (a long prefix that must not be reported)
      text.append(p, 0, pick % 3 == 0 && p.length() > 1 ? p.length() - 1 : p.length());
      if (pick % 5 == 0) text.append('d');
    }
    check(patterns, text.toString());
  }

  private static void check(List<String> patterns, String text) {
    AnalyzedText t = RAW.analyze(text);
    String n = t.normalized();
    List<String> expected = new ArrayList<>();
    for (int end = 1; end <= n.length(); end++) {
      for (int p = 0; p < patterns.size(); p++) {
        String pat = patterns.get(p);
        if (end >= pat.length() && n.startsWith(pat, end - pat.length())) expected.add(p + "@" + (end - pat.length()));
      }
    }
    for (long limit : new long[] {MatchAutomaton.DENSE_LIMIT, 0}) {
      MatchAutomaton.Builder b = MatchAutomaton.builder().denseLimit(limit);
      for (String p : patterns) b.add(p, Boundary.NONE);
      MatchAutomaton a = b.build();
      assertThat(a.isDense()).isEqualTo(limit > 0);
      List<String> got = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      a.scan(t, (id, s, e) -> {
        got.add(id + "@" + s);
        ends.add(e);
      });
      assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(ends).isSorted();
    }
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> text() { return Arbitraries.strings().withChars("abcd").ofMaxLength(60); }

  @Provide
  Arbitrary<List<Integer>> picks() { return Arbitraries.integers().between(0, 1000).list().ofMinSize(5).ofMaxSize(40); }

  @Provide
  Arbitrary<String> longText() { return Arbitraries.strings().withChars("abcd").ofMinLength(4000).ofMaxLength(13000); }
}
