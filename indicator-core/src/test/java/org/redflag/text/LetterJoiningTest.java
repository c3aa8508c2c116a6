package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LetterJoining}: the joining pass alone over text the fold left whole (every separator kept and
 * listed), and the rules the fold uses to decide early, from hand-written tables.
 */
class LetterJoiningTest {
  /**
   * Joins {@code text} as if the fold had kept every char as itself (one source char each) and listed
   * every separator; returns the chars with {@code |} before a recorded word boundary ({@code /} when a
   * line break was removed there too) and whether a spaced-out word with a digit was joined.
   */
  private static String join(String text, boolean leet, boolean[] joinedDigits) {
    AnalyzedText t = new AnalyzedText(text.length() + 1);
    int[] seps = new int[text.length()];
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      t.chars[i] = text.charAt(i);
      t.starts[i] = i;
      if (CharClass.isJoinCandidate(text.charAt(i))) seps[count++] = i;
    }
    t.length = text.length();
    t.original = text;
    joinedDigits[0] = LetterJoining.compact(t, seps, count, leet);
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < t.length; k++) {
      // the offset map still points every kept char at itself in the text
      assertThat(text.charAt(t.originalStart(k))).isEqualTo(t.chars[k]);
      if (k > 0) assertThat(t.originalStart(k)).isGreaterThan(t.originalStart(k - 1));
      byte f = t.flags[k];
      if ((f & AnalyzedText.FLAG_CLAUSE) != 0) b.append('/');
      else if ((f & AnalyzedText.FLAG_BOUNDARY) != 0) b.append('|');
      b.append(t.chars[k]);
    }
    return b.toString();
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = ';', value = {
      // spaced-out words lose their separators without a boundary
      "n e w;new", "n.e.w;new", "n-e-w;new", "n e w s;news", "a*b~c;abc",
      // between words: removed, the boundary remembered
      "go on;go|on", "walk-in;walk|in", "new_girl;new|girl", "hello\\nworld;hello/world",
      // a spaced-out word next to a longer one: the last separator ends the word
      "n e w town;new|town",
      // kept: punctuation, digits, a separator between words that is no space or hyphen
      "hi, there;hi, there", "big 5;big 5", "5 5 5;5 5 5", "24/7;24/7", "a.com;a.com", "news.today;news.today",
  })
  void joinsWhatTheRuleSays(String text, String expected) {
    boolean[] digits = new boolean[1];
    assertThat(join(text.replace("\\n", "\n"), true, digits)).isEqualTo(expected);
    assertThat(digits[0]).isFalse();
  }

  @Test
  void aSpacedOutDigitJoinsOnlyWithLeetspeak() {
    boolean[] digits = new boolean[1];
    assertThat(join("n 3 w", true, digits)).isEqualTo("n3w");
    assertThat(digits[0]).as("leetspeak must look again").isTrue();
    assertThat(join("n 3 w", false, digits)).isEqualTo("n 3 w");
    assertThat(digits[0]).isFalse();
    assertThat(join("b 1 g", true, digits)).isEqualTo("b1g");
    assertThat(digits[0]).isTrue();
  }

  private static char[] chars(String s) { return (s + "\0\0").toCharArray(); }

  @Test
  void theFoldJoinsWordsEarlyOnlyWhenTheWordBeforeOrAfterIsLong() {
    byte[] none = new byte[8];
    // "go" then a space then "on": two word chars before
    assertThat(LetterJoining.joinsNow(chars("go"), none, 2, 'o', false)).isTrue();
    // "a" then a space then "b": may be a spaced-out word, unless the word after goes on
    assertThat(LetterJoining.joinsNow(chars("a"), none, 1, 'b', false)).isFalse();
    assertThat(LetterJoining.joinsNow(chars("a"), none, 1, 'b', true)).isTrue();
    // not between letters
    assertThat(LetterJoining.joinsNow(chars("go"), none, 2, '3', true)).isFalse();
    assertThat(LetterJoining.joinsNow(chars("g5"), none, 2, 'o', true)).isFalse();
    // "ne" where e came from a spaced-out word (n e): not two word chars of one word
    byte[] spaced = {0, AnalyzedText.FLAG_SPACED, 0, 0};
    assertThat(LetterJoining.twoWordCharsBefore(chars("ne"), none, 2)).isTrue();
    assertThat(LetterJoining.twoWordCharsBefore(chars("ne"), spaced, 2)).isFalse();
    assertThat(LetterJoining.twoWordCharsBefore(chars(",e"), none, 2)).isFalse();
  }

  @Test
  void theFoldJoinsSpacedOutLettersEarlyOnlyBetweenSingleLetters() {
    byte[] none = new byte[8];
    assertThat(LetterJoining.spacedNow(chars("n"), none, 1, 'e', true, true)).isTrue();
    assertThat(LetterJoining.spacedNow(chars(" n"), none, 2, 'e', true, true)).isTrue();
    assertThat(LetterJoining.spacedNow(chars("n"), none, 1, 'e', false, true)).as("a word follows").isFalse();
    assertThat(LetterJoining.spacedNow(chars("an"), none, 2, 'e', true, true)).as("a word precedes").isFalse();
    assertThat(LetterJoining.spacedNow(chars("n"), none, 1, '3', true, true)).isTrue();
    assertThat(LetterJoining.spacedNow(chars("n"), none, 1, '3', true, false)).as("no leetspeak").isFalse();
    assertThat(LetterJoining.spacedNow(chars("5"), none, 1, '5', true, true)).as("digits alone").isFalse();
  }

  @Test
  void nonWordAtIsSureOnlyForAsciiThatIsNoWordCharEvenAfterLeetspeak() {
    char[] src = chars("a 3@,\u007F\u00E9.");
    int n = src.length - 2;
    assertThat(LetterJoining.nonWordAt(src, 0, n)).isFalse();  // a
    assertThat(LetterJoining.nonWordAt(src, 1, n)).isTrue();   // space
    assertThat(LetterJoining.nonWordAt(src, 2, n)).isFalse();  // 3
    assertThat(LetterJoining.nonWordAt(src, 3, n)).isFalse();  // @ may read as a
    assertThat(LetterJoining.nonWordAt(src, 4, n)).isTrue();   // ,
    assertThat(LetterJoining.nonWordAt(src, 5, n)).isTrue();   // DEL
    assertThat(LetterJoining.nonWordAt(src, 6, n)).isFalse();  // é: cannot tell
    assertThat(LetterJoining.nonWordAt(src, 7, n)).isTrue();   // .
    assertThat(LetterJoining.nonWordAt(src, n, n)).isTrue();   // the end
  }
}
