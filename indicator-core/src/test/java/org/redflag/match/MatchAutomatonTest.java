package org.redflag.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

class MatchAutomatonTest {
  private static final TextPipeline P = TextPipeline.defaults();

  static List<String> scan(MatchAutomaton a, String text, MatchAutomaton.Mode mode) {
    AnalyzedText t = P.analyze(text);
    List<String> out = new ArrayList<>();
    a.scan(t, mode, (id, s, e) -> out.add(id + ":" + t.original().substring(t.originalStart(s), t.originalEnd(e))));
    return out;
  }

  static MatchAutomaton build(Boundary b, String... phrases) {
    MatchAutomaton.Builder builder = MatchAutomaton.builder();
    for (String p : phrases) builder.add(P.analyze(p).normalized(), b);
    return builder.build();
  }

  @Test
  void overlappingReportsEveryOccurrence() {
    MatchAutomaton a = build(Boundary.NONE, "he", "she", "his", "hers");
    assertThat(a.isDense()).isTrue();
    assertThat(scan(a, "ushers", MatchAutomaton.Mode.OVERLAPPING)).containsExactly("1:she", "0:he", "3:hers");
  }

  @Test
  void leftmostLongestReportsNonOverlapping() {
    MatchAutomaton a = build(Boundary.NONE, "he", "she", "his", "hers");
    assertThat(scan(a, "ushers", MatchAutomaton.Mode.LEFTMOST_LONGEST)).containsExactly("1:she");
    MatchAutomaton b = build(Boundary.WORD, "all day", "all day and all night", "night");
    assertThat(scan(b, "All day and all night long", MatchAutomaton.Mode.LEFTMOST_LONGEST))
        .containsExactly("1:All day and all night");
  }

  @Test
  void boundaryRules() {
    assertThat(scan(build(Boundary.WORD, "girl"), "girls girl", MatchAutomaton.Mode.OVERLAPPING)).containsExactly("0:girl");
    assertThat(scan(build(Boundary.PREFIX, "girl"), "girls xgirl", MatchAutomaton.Mode.OVERLAPPING)).containsExactly("0:girl");
    assertThat(scan(build(Boundary.NONE, "girl"), "girls xgirl", MatchAutomaton.Mode.OVERLAPPING)).hasSize(2);
  }

  @Test
  void workIsLinearInTextLengthOnAdversarialInput() {
    // patterns that share long prefixes and suffixes: the classic worst case for naive matchers (over
    // "ab" runs: the pipeline writes a run of one letter once)
    MatchAutomaton a = build(Boundary.NONE, "ababababc", "ababc", "ab", "babab", "abababababababababac");
    AnalyzedText small = P.analyze("ab".repeat(5_000) + "c");
    AnalyzedText big = P.analyze("ab".repeat(40_000) + "c");
    long w1 = a.scan(small, (i, s, e) -> { });
    long w8 = a.scan(big, (i, s, e) -> { });
    assertThat((double) w8 / w1).isBetween(7.0, 8.5);
  }
}
