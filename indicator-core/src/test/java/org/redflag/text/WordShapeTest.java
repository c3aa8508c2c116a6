package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The word-shape stage ({@link WordShape}) on the forms real adverts write; offsets always slice the original. */
class WordShapeTest {
  private static final TextPipeline P = TextPipeline.defaults();

  /** Normalised text with | where a word boundary lies inside a run of word chars, and _ for a space. */
  static String shape(String s) {
    AnalyzedText t = P.analyze(s);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (i > 0 && t.boundaryBefore(i) && CharClass.isWord(c) && CharClass.isWord(t.charAt(i - 1))) b.append('|');
      b.append(c == ' ' ? '_' : c);
      if (t.repeated(i)) b.append('+');
    }
    return b.toString();
  }

  @Test
  void aCapitalAfterASmallLetterStartsAWord() {
    assertThat(shape("sexyGIRL")).isEqualTo("sexy|girl");
    assertThat(shape("NewInTown")).isEqualTo("new|in|town");
    assertThat(shape("sexyBOY")).isEqualTo("sexy|boy");
    assertThat(shape("TRUEPROVIDER")).isEqualTo("trueprovider"); // no case change: one run
    assertThat(shape("ПриветМир")).contains("|").isEqualTo(shape("привет мир"));
    assertThat(shape("Sexy")).isEqualTo("sexy");
  }

  @Test
  void anExclamationMarkBeforeACapitalEndsASentence() {
    assertThat(shape("100% Real!No drama")).isEqualTo("100%_real!no|drama");
    assertThat(shape("Just arrived!No games")).isEqualTo("just|ar+ived!no|games");
    assertThat(shape("REAL!No")).isEqualTo("real!no");
    // leetspeak stays: no sentence shape
    assertThat(shape("k!ss me")).isEqualTo("kis+|me");
    assertThat(shape("K!SS")).isEqualTo("kis+");
    assertThat(shape("Hi!No")).isEqualTo("hi!no"); // the i before it does not swallow it
    AnalyzedText t = P.analyze("Real!No drama");
    assertThat(t.sameClause(0, t.length() - 1)).isFalse();
  }

  @Test
  void aRunOfOneLetterIsWrittenOnceAndMarked() {
    assertThat(shape("reaaal")).isEqualTo("rea+l");
    assertThat(shape("sexyy")).isEqualTo("sexy+");
    assertThat(shape("booking good")).isEqualTo("bo+king|go+d");
    assertThat(shape("all love")).isEqualTo("al+|love"); // runs do not cross a word boundary
    assertThat(shape("b o o k")).isEqualTo("bo+k");      // spaced out
    assertThat(shape("y o u n g g i r l")).isEqualTo("youngirl".replace("ng", "ng+")); // no boundary inside
    assertThat(shape("h00ker")).isEqualTo("ho+ker");     // leetspeak
    assertThat(shape("оооочень")).isEqualTo(shape("оочень")).contains("+");
    assertThat(shape("Straße strasse")).isEqualTo("stras+e|stras+e"); // one char folding to two, or two chars
    assertThat(shape("5555 0000")).isEqualTo("5555_0000"); // digits are never squeezed
    assertThat(shape("sexYY")).isEqualTo("sex|y+");
  }

  @Test
  void offsetsCoverTheWholeRun() {
    String s = "So reaaal!!! Sexyyy GIRL";
    AnalyzedText t = P.analyze(s);
    String n = t.normalized();
    int real = n.indexOf("real");
    assertThat(s.substring(t.originalStart(real), t.originalEnd(real + 4))).isEqualTo("reaaal");
    int sexy = n.indexOf("sexy");
    assertThat(s.substring(t.originalStart(sexy), t.originalEnd(sexy + 4))).isEqualTo("Sexyyy");
  }

  @Test
  void ordinalsFollowTheShapedText() {
    // a spaced-out digit makes the pipeline build the ordinals before the last stage changes the text
    AnalyzedText t = P.analyze("n 3 w reaaal sexyGIRL");
    assertThat(t.normalized()).isEqualTo("newrealsexygirl");
    assertThat(t.wordsBetween(0, t.length())).isEqualTo(4);
    assertThat(P.analyze("sexyGIRL").wordsBetween(0, 8)).isEqualTo(2);
  }
}
