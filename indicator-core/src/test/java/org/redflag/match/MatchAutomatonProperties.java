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
 * end. Texts of up to 60 chars exercise the dense scan with one and four interleaved chains (the
 * number depends on the text length against the chain warm-up); texts of up to 13,000 chars cross the
 * scan's 4,096-char blocks. The dense form runs with the default chain warm-up and with warm-ups of
 * 0 to 5 chars, so that seams deeper than the warm-up (part starts scanned again) are common.
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

  /**
   * Patterns longer than the default chain warm-up ({@link MatchAutomaton#CHAIN_WARM_UP}) in texts made
   * of them: seams inside long matches, where a chain's warm-up is too short and the start of its part
   * is scanned again.
   */
  @Property(tries = 200)
  void longPatternsDeeperThanTheWarmUp(@ForAll("longPatterns") List<String> patterns, @ForAll("picks") List<Integer> picks) {
    StringBuilder text = new StringBuilder();
    for (int pick : picks) {
      String p = patterns.get(pick % patterns.size());
      text.append(p, 0, pick % 3 == 0 ? p.length() - 1 - pick % 7 % p.length() / 2 : p.length());
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
    // the sparse form, and the dense form with the default chain warm-up and with short ones (more seams
    // whose state is deeper than the warm-up, so more part starts scanned again)
    int[] warmUps = {MatchAutomaton.CHAIN_WARM_UP, MatchAutomaton.CHAIN_WARM_UP, 0, 1, 2, 5};
    for (int v = 0; v < warmUps.length; v++) {
      long limit = v == 0 ? 0 : MatchAutomaton.DENSE_LIMIT;
      MatchAutomaton.Builder b = MatchAutomaton.builder().denseLimit(limit).chainWarmUp(warmUps[v]);
      for (String p : patterns) b.add(p, Boundary.NONE);
      MatchAutomaton a = b.build();
      assertThat(a.isDense()).isEqualTo(limit > 0);
      List<String> got = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      a.scan(t, (id, s, e) -> {
        got.add(id + "@" + s);
        ends.add(e);
      });
      assertThat(got).as("dense %s, chain warm-up %d", limit > 0, warmUps[v]).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(ends).isSorted();
    }
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<String>> longPatterns() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(40).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> text() { return Arbitraries.strings().withChars("abcd").ofMaxLength(60); }

  @Provide
  Arbitrary<List<Integer>> picks() { return Arbitraries.integers().between(0, 1000).list().ofMinSize(5).ofMaxSize(40); }

  @Provide
  Arbitrary<String> longText() { return Arbitraries.strings().withChars("abcd").ofMinLength(4000).ofMaxLength(13000); }
}
