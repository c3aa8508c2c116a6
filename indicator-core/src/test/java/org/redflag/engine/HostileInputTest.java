package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/** Inputs built to hurt: all score without error (surefire runs with -Xmx1g). */
class HostileInputTest {
  private static final RiskEngine ENGINE = RiskEngine.withDefaults();

  private static Assessment assess(String text) {
    return ENGINE.assess(Advert.builder("hostile", text).category("escort").build());
  }

  @Test
  void tenMegabyteAdvertScores() {
    StringBuilder sb = new StringBuilder(10 << 20);
    String filler = "Lorem ipsum n.e.w dolor s1t \u200B\uD83C\uDF52\uD83C\uDFFD 24 7 \u0430\u0433\u0435\u043D\u0442 ";
    while (sb.length() < (10 << 20)) {
      sb.append(filler.repeat(1000));
      sb.append("T3XT my m\u0430nager, ");
    }
    Assessment a = assess(sb.toString());
    assertThat(a.evidence()).isNotEmpty();
    assertThat(a.evidence()).allSatisfy(e -> assertThat(sb.substring(e.start(), e.end())).isEqualTo(e.match()));
  }

  @Test
  void fiveThousandEmojiInARow() {
    String s = "\uD83D\uDC69\uD83C\uDFFB\u200D\u2764\uFE0F\u200D\uD83D\uDC68".repeat(5000);
    AnalyzedText t = TextPipeline.defaults().analyze(s);
    assertThat(t.length()).isEqualTo(2 * 5000);
    assertThat(assess(s).id()).isEqualTo("hostile");
    assertThat(assess("\uD83C\uDDEC".repeat(5001)).id()).isEqualTo("hostile"); // odd run of regional indicators
  }

  @Test
  void brokenAndEmptyTextScores() {
    assertThat(assess("").score()).isBetween(0.0, 1.0);
    assertThat(assess("\uD800\uD800\uDC00\uDC00 agency \uDBFF").score()).isBetween(0.0, 1.0);
    assertThat(assess("\u0000\u0001\u0002\u001B[31m\u007F call my manager \u0085\u2028").evidence()).isNotEmpty();
    assertThat(assess("\u200B".repeat(100_000)).evidence()).isEmpty();
    assertThat(assess("a ".repeat(200_000)).score()).isBetween(0.0, 1.0);
    assertThat(assess("1\u20E3".repeat(10_000) + "#\uFE0F").score()).isBetween(0.0, 1.0);
  }
}
