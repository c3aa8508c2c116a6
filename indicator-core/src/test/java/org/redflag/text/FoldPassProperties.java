package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FoldPass} on its own (before joining's second half and word shapes): its offset map, for every
 * option, and its ASCII output against a plain specification.
 */
class FoldPassProperties {
  private static AnalyzedText fold(String s, boolean leet, boolean join) {
    AnalyzedText t = new AnalyzedText(16);
    t.original = s;
    FoldPass fold = FoldPass.get();
    fold.run(s, t, leet, join);
    fold.release();
    return t;
  }

  @Property(tries = 400)
  void everyFoldedCharMapsIntoTheOriginal(@ForAll("anyText") String s, @ForAll boolean leet, @ForAll boolean join) {
    AnalyzedText t = fold(s, leet, join);
    int prevStart = 0;
    for (int k = 0; k < t.length(); k++) {
      int start = t.originalStart(k);
      int end = t.originalEnd(k + 1);
      assertThat(start).as("start of %d", k).isBetween(prevStart, s.length() - 1);
      assertThat(end).as("end of %d", k).isBetween(start + 1, s.length());
      assertThat(codePointBoundary(s, start) && codePointBoundary(s, end)).isTrue();
      prevStart = start;
    }
  }

  /**
   * Printable ASCII and white space, no option: each char lower-cased in place (its range the char
   * itself), each white space run one space or line break (its range the run), none at either end.
   */
  @Property(tries = 400)
  void asciiFoldsToItsLowerCaseWithRunsOfWhiteSpaceCollapsed(@ForAll("asciiText") String s) {
    AnalyzedText t = fold(s, false, false);
    StringBuilder expected = new StringBuilder();
    int k = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c > ' ' && c != 0x7F) {
        expected.append(Character.toLowerCase(c));
        assertThat(t.originalStart(k)).isEqualTo(i);
        assertThat(t.originalEnd(k + 1)).isEqualTo(i + 1);
        k++;
        i++;
        continue;
      }
      int runStart = i;
      boolean lineBreak = false;
      while (i < s.length() && (s.charAt(i) <= ' ' || s.charAt(i) == 0x7F)) {
        char w = s.charAt(i++);
        lineBreak |= w == '\n' || w == '\r' || w == 0x0B || w == 0x0C;
      }
      if (runStart == 0 || i == s.length()) continue;
      expected.append(lineBreak ? '\n' : ' ');
      assertThat(t.originalStart(k)).isEqualTo(runStart);
      assertThat(t.originalEnd(k + 1)).isEqualTo(i);
      k++;
    }
    assertThat(t.normalized()).isEqualTo(expected.toString());
  }

  private static boolean codePointBoundary(String s, int i) {
    return i == 0 || i == s.length() || !(Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i)));
  }

  @Provide
  Arbitrary<String> asciiText() {
    return Arbitraries.strings().withCharRange((char) 0, (char) 0x7F).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> fragment = Arbitraries.of("n", "e", "w", " ", "  ", ".", "-", "_", "3", "0", "@", "!", "\n", "\t",
        "\u00A0", "\u200B", "\u0301", "\u043E", "\uFF21", "\uFB01", "\u00E9", "1\uFE0F\u20E3", "\uD83D\uDC4B\uD83C\uDFFD",
        "\uD83C\uDDE9\uD83C\uDDEA", "\uD800", "\uDC00", "\uDB40\uDC41", "\uD87E\uDC00", "\u0085", "\u007F", "Ab", "200hr");
    return Arbitraries.oneOf(fragment.list().ofMaxSize(40).map(parts -> String.join("", parts)),
        Arbitraries.strings().all().ofMaxLength(30));
  }
}
