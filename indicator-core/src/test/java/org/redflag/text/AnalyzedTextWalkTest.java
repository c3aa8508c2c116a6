package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Before its word and clause ordinals are built, {@link AnalyzedText} answers short
 * {@code wordsBetween} / {@code sameClause} questions by walking the range (fast path): the answers
 * must be those of the ordinals, for every range, including texts whose leetspeak is folded after
 * joining (where the ordinals describe the chars before that fold).
 */
class AnalyzedTextWalkTest {
  static final String[] PIECES = {"new", " ", "  ", "in", "town", "n e w", "n.e.w", "n-e-w", "n 3 w", "1 n t 0 w n", "$", "!",
      "5", "55", "7 7 7", ",", ".", ". ", ";", ":", "?", "\n", "\r\n", "\t", "-", "no", "not", "never", "days", "off",
      "café", "ü", "пять", "😀", "#", "*", "(", ")", "'", "\u00A0", "x1", "h3ll0", "@", "|<", "5ex"};

  /** Up to {@code maxPieces} + 1 random pieces. */
  private static String randomText(Random r, int maxPieces) {
    StringBuilder sb = new StringBuilder();
    for (int k = r.nextInt(maxPieces); k >= 0; k--) sb.append(PIECES[r.nextInt(PIECES.length)]);
    return sb.toString();
  }

  @Test
  void walksAnswerAsTheOrdinals() {
    TextPipeline pipeline = TextPipeline.defaults();
    Random r = new Random(11);
    AnalyzedText reuse = AnalyzedText.reusable();
    for (int n = 0; n < 3000; n++) {
      String text = randomText(r, 80);
      AnalyzedText built = pipeline.analyze(text);
      built.buildOrdinals();
      AnalyzedText walked = n % 2 == 0 ? pipeline.analyze(text) : pipeline.analyze(text, reuse);
      int len = built.length();
      assertThat(walked.normalized()).isEqualTo(built.normalized());
      for (int q = 0; q < 200 && len > 0; q++) {
        int a = r.nextInt(len);
        int b = Math.min(len - 1, a + r.nextInt(80));
        if (r.nextBoolean()) {
          assertThat(walked.sameClause(a, b)).as("%s sameClause(%d, %d)", text, a, b).isEqualTo(built.sameClause(a, b));
        } else {
          assertThat(walked.wordsBetween(a, b + 1)).as("%s wordsBetween(%d, %d)", text, a, b + 1)
              .isEqualTo(built.wordsBetween(a, b + 1));
        }
      }
    }
  }

  /** The bounded backward walks (negation cues and gap phrases ask them per match) against the ordinals. */
  @Test
  void boundedWalksAnswerAsTheOrdinals() {
    TextPipeline pipeline = TextPipeline.defaults();
    Random r = new Random(12);
    for (int n = 0; n < 3000; n++) {
      String text = randomText(r, 120);
      AnalyzedText built = pipeline.analyze(text);
      built.buildOrdinals();
      int len = built.length();
      for (int q = 0; q < 100 && len > 1; q++) {
        // a fresh text per question: an answer must not depend on ordinals built by an earlier one
        AnalyzedText walked = pipeline.analyze(text);
        int to = 1 + r.nextInt(len - 1);
        int from = 1 + r.nextInt(to); // 0 < from <= to < len, near and far (beyond the walk's 64 chars)
        int limit = r.nextInt(6);
        boolean expectNear = built.sameClause(from - 1, to) && built.wordsBetween(from, to) < limit;
        assertThat(walked.nearInClause(from, to, limit)).as("%s nearInClause(%d, %d, %d)", text, from, to, limit)
            .isEqualTo(expectNear);
        assertThat(walked.fewerWordsThan(from, to, limit)).as("%s fewerWordsThan(%d, %d, %d)", text, from, to, limit)
            .isEqualTo(built.wordsBetween(from, to) < limit);
        assertThat(built.nearInClause(from, to, limit)).isEqualTo(expectNear);
      }
    }
  }

  @Test
  void boundedWalksStopEarlyWithoutBuildingTheOrdinals() {
    StringBuilder sb = new StringBuilder("no");
    for (int i = 0; i < 200; i++) sb.append(" word");
    sb.append(" days off");
    AnalyzedText t = TextPipeline.defaults().analyze(sb.toString());
    int match = t.length() - "daysoff".length();
    assertThat(t.nearInClause(2, match, 3)).isFalse(); // the cue is 200 words back
    assertThat(t.fewerWordsThan(2, match, 3)).isFalse();
    assertThat(t.nearInClause(match - 5, match, 3)).isTrue(); // " word" just before
    assertThat(t.ordinalsReady).isFalse();
  }

  @Test
  void walksAreUsedBeforeTheOrdinalsAndStayWithinTheirBudget() {
    String text = "no days off, never. call me now please; new in town";
    AnalyzedText t = TextPipeline.defaults().analyze(text);
    assertThat(t.normalized()).startsWith("nodaysof, never."); // ff: one marked letter (WordShape)
    assertThat(t.wordsBetween(0, 12)).isEqualTo(4); // no, days, off, never
    assertThat(t.sameClause(0, 5)).isTrue();
    assertThat(t.sameClause(0, 10)).isFalse();
    assertThat(t.ordinalsReady).isFalse(); // answered by walking
    for (int i = 0; i < 100; i++) t.wordsBetween(0, t.length()); // more walking than building costs
    assertThat(t.ordinalsReady).isTrue();
    assertThat(t.wordsBetween(0, 12)).isEqualTo(4);
    assertThat(t.sameClause(0, 10)).isFalse();
  }
}
