package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextPipelineTest {
  private final TextPipeline pipeline = TextPipeline.defaults();

  private String norm(String s) { return pipeline.analyze(s).normalized(); }

  @Test
  void plainAndObfuscatedFormsNormaliseAlike() {
    String plain = norm("new in town");
    assertThat(norm("New In Town")).isEqualTo(plain);
    assertThat(norm("n.e.w i n t o w n")).isEqualTo(plain);
    assertThat(norm("n3w 1n t0wn")).isEqualTo(plain);
    assertThat(norm("n\u200Be\u200Dw in\u00AD town")).isEqualTo(plain);
    assertThat(norm("n\u0435w \u0456n t\u043Ewn")).as("Cyrillic look-alikes").isEqualTo(plain);
    assertThat(norm("\uFF4E\uFF45\uFF57 in town")).as("full-width").isEqualTo(plain);
    assertThat(norm("n\u00E9w \u00EFn town")).as("diacritics").isEqualTo(plain);
    assertThat(norm("ne\u0301w in town")).as("combining accent").isEqualTo(plain);
    assertThat(norm("new\nin\ttown")).isEqualTo(plain);
    assertThat(norm("av4il4ble")).isEqualTo(norm("available"));
  }

  @Test
  void ordinaryWordBoundariesSurvive() {
    AnalyzedText t = pipeline.analyze("new in town");
    // "newintown" with boundaries before 'i' and 't'
    assertThat(t.normalized()).isEqualTo("newintown");
    assertThat(t.boundaryBefore(3)).isTrue();
    assertThat(t.boundaryBefore(5)).isTrue();
    assertThat(t.boundaryBefore(1)).isFalse();
    assertThat(t.wordsBetween(0, t.length())).isEqualTo(3);
    AnalyzedText spaced = pipeline.analyze("n e w s");
    assertThat(spaced.wordsBetween(0, spaced.length())).as("a spaced-out word is one word").isEqualTo(1);
  }

  @Test
  void numbersKeepTheirDigits() {
    assertThat(norm("24/7")).isEqualTo("24/7");
    assertThat(norm("24 7")).isEqualTo("24 7");
    assertThat(norm("$200 for 30min")).contains("200").contains("30min");
    assertThat(norm("call 555 0100")).contains("555 0100");
    assertThat(norm("200hr")).isEqualTo("200hr");
  }

  @Test
  void leetspeakIsConfigurable() {
    TextPipeline noLeet = TextPipeline.builder().leetspeak(false).build();
    assertThat(noLeet.analyze("t0wn").normalized()).isEqualTo("t0wn");
    assertThat(noLeet.leetspeak()).isFalse();
  }

  @Test
  void clausesBreakAtPunctuationAndLineBreaks() {
    AnalyzedText t = pipeline.analyze("no agency, manager");
    int m = t.normalized().indexOf("manager");
    assertThat(t.sameClause(0, m)).isFalse();
    AnalyzedText u = pipeline.analyze("no\nmanager");
    assertThat(u.sameClause(0, u.length() - 1)).isFalse();
    AnalyzedText v = pipeline.analyze("no real manager");
    assertThat(v.sameClause(0, v.length() - 1)).isTrue();
  }

  @Test
  void wordAndClauseOrdinalsFollowEachTextInAReusedBuffer() {
    // the ordinals are built on first use: a reused buffer must not answer from the previous text
    AnalyzedText buffer = AnalyzedText.reusable();
    for (String s : new String[] {"no agency, manager", "no real manager", "one two", "a, b, c, d", "no agency, manager"}) {
      AnalyzedText fresh = pipeline.analyze(s);
      pipeline.analyze(s, buffer);
      int n = fresh.length();
      assertThat(buffer.length()).isEqualTo(n);
      for (int from = 0; from <= n; from++) {
        for (int to = from; to <= n; to++) {
          assertThat(buffer.wordsBetween(from, to)).as("%s [%d, %d)", s, from, to).isEqualTo(fresh.wordsBetween(from, to));
        }
        if (from < n) assertThat(buffer.sameClause(0, from)).isEqualTo(fresh.sameClause(0, from));
      }
    }
    assertThat(pipeline.analyze("one two", buffer).wordsBetween(0, buffer.length())).isEqualTo(2);
    assertThat(pipeline.analyze("a, b, c, d", buffer).sameClause(0, buffer.length() - 1)).isFalse();
  }

  @Test
  void ordinalsDescribeTheJoinedTextBeforeSpacedLeetspeakFolds() {
    // "b!3 w" joins to "b!3w", which the second leetspeak fold reads as "biew"; word ordinals are those
    // of the joined chars, where '!' still separates two words
    AnalyzedText t = pipeline.analyze("b!3 w");
    assertThat(t.normalized()).isEqualTo("biew");
    assertThat(t.wordsBetween(0, t.length())).isEqualTo(2);
  }

  @Test
  void emojiVariantsShareOneKey() {
    assertThat(norm("\uD83D\uDC4B\uD83C\uDFFD")).isEqualTo(norm("\uD83D\uDC4B")); // waving hand, medium skin tone
    assertThat(norm("\u2764\uFE0F")).isEqualTo(norm("\u2764")).isEqualTo(norm("\u2764\uFE0E"));
    assertThat(norm("1\uFE0F\u20E3")).isEqualTo(norm("1\u20E3"));
    assertThat(norm("1\u20E3")).isNotEqualTo(norm("1"));
    String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // woman, woman, girl
    assertThat(norm(family).codePointCount(0, norm(family).length())).isEqualTo(1);
    assertThat(norm("\uD83C\uDF52")).isNotEqualTo(norm("\uD83C\uDF53")); // cherries vs strawberry
    assertThat(Emoji.canonicalKey("\uD83C\uDF52")).isEqualTo(norm("\uD83C\uDF52").codePointAt(0));
  }

  @Test
  void offsetsCoverTheOriginalSurface() {
    String s = "Call  N\u200B3W\uD83D\uDC4B\uD83C\uDFFD girl";
    AnalyzedText t = pipeline.analyze(s);
    String n = t.normalized();
    int i = n.indexOf("new");
    assertThat(s.substring(t.originalStart(i), t.originalEnd(i + 3))).isEqualTo("N\u200B3W");
    int e = n.indexOf(Character.toChars(Emoji.canonicalKey("\uD83D\uDC4B"))[0]);
    assertThat(s.substring(t.originalStart(e), t.originalEnd(e + 2))).isEqualTo("\uD83D\uDC4B\uD83C\uDFFD");
  }

  @Test
  void hostileInputsAnalyseWithoutError() {
    assertThat(pipeline.analyze("").length()).isZero();
    assertThat(pipeline.analyze("   \n\t ").length()).isZero();
    AnalyzedText broken = pipeline.analyze("a\uD800b\uDC00c\u0000\u0007d\u001B");
    assertThat(broken.length()).isPositive();
    for (int k = 0; k < broken.length(); k++) {
      assertThat(broken.originalStart(k)).isBetween(0, broken.original().length() - 1);
    }
    String emoji = "\uD83D\uDE00".repeat(5000);
    AnalyzedText many = pipeline.analyze(emoji);
    assertThat(many.length()).isEqualTo(10_000);
    String combining = "a" + "\u0301".repeat(10_000);
    assertThat(pipeline.analyze(combining).normalized()).isEqualTo("a");
  }

  @Test
  void reusableTargetIsRefilled() {
    AnalyzedText r = AnalyzedText.reusable();
    pipeline.analyze("a much longer text than the next one, to grow the buffers ".repeat(20), r);
    assertThat(pipeline.analyze("n3w", r).normalized()).isEqualTo("new");
    assertThat(r.original()).isEqualTo("n3w");
  }
}
