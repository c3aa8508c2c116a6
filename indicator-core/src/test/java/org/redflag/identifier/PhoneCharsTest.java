package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The character classes, checked against the JDK's over every code point where it has an answer. */
class PhoneCharsTest {
  @Test
  void digitValueIsTheJdkDecimalDigitOfEveryCodePoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int expected = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
      if (PhoneChars.digitValue(cp) != expected) {
        assertThat(PhoneChars.digitValue(cp)).as("U+%04X", cp).isEqualTo(expected);
      }
    }
  }

  @Test
  void separatorsSymbolsLettersAndDigitsAreDisjoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int classes = (PhoneChars.isSeparator(cp) ? 1 : 0) + (PhoneChars.isSymbolSeparator(cp) ? 1 : 0)
          + (PhoneChars.isWordChar(cp) ? 1 : 0) + (PhoneChars.digitValue(cp) >= 0 ? 1 : 0);
      if (classes > 1) assertThat(classes).as("U+%04X is in %d classes", cp, classes).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void asciiClassesAgreeWithTheJdk() {
    for (char c = 0; c < 128; c++) {
      assertThat(PhoneChars.asciiLower(c)).isEqualTo(Character.toLowerCase(c));
      assertThat(PhoneChars.isWordChar(c)).as("%s", c).isEqualTo(Character.isLetter(c));
      byte expected = c == '+' || Character.isDigit(c) ? PhoneChars.QUIET_STOP
          : Character.isLetter(c) ? PhoneChars.QUIET_LETTER : PhoneChars.QUIET_OTHER;
      assertThat(PhoneChars.quietClass(c)).as("%s", c).isEqualTo(expected);
    }
  }

  @Test
  void lookAlikesAndDigitsForLettersAreTheSameShapes() {
    // the letters O (Latin, Cyrillic) and the digit 0 read each other's way, among digits and inside words
    int zeros = 0;
    for (char c = 0; c < 0x0500; c++) {
      if (PhoneChars.lookAlikeDigit(c) != 0) continue;
      zeros++;
      assertThat(PhoneChars.leetLetter('0', Character.toLowerCase(c))).as("%s", c).isTrue();
    }
    assertThat(zeros).isEqualTo(4);
    assertThat(PhoneChars.lookAlikeDigit('l')).isEqualTo(1);
    assertThat(PhoneChars.lookAlikeDigit('\u0417')).isEqualTo(3);
    assertThat(PhoneChars.lookAlikeDigit('x')).isEqualTo(-1);
    assertThat(PhoneChars.leetLetter('1', 'i')).isTrue();
    assertThat(PhoneChars.leetLetter('1', 'l')).isTrue();
    assertThat(PhoneChars.leetLetter('2', 'z')).isFalse();
    assertThat(PhoneChars.leetLetter('0', 'q')).isFalse();
  }

  @Test
  void quotesAreSymbolsAndQuantityMarksOrSymbols() {
    for (char c = 0; c < 0x3000; c++) {
      if (PhoneChars.isQuote(c)) assertThat(PhoneChars.isSymbolSeparator(c)).as("U+%04X", (int) c).isTrue();
    }
    for (int cp : new int[] {'$', '€', '£', '₽', '%', '°', '#'}) assertThat(PhoneChars.isQuantityMark(cp)).isTrue();
    for (int cp : new int[] {'-', '.', ' ', '5', 'a'}) assertThat(PhoneChars.isQuantityMark(cp)).isFalse();
  }
}
