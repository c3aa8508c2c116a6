package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which symbol gaps join two digit runs into one number, read on a fresh scan of the text. */
class PhoneJoinsTest {
  /** Whether the gap right after the first digit run of {@code text} joins it to the next run. */
  private static boolean joins(String text) {
    PhoneScan s = new PhoneScan().reset(text);
    int k = 0;
    while (k < text.length() && Character.isDigit(text.charAt(k))) k++;
    return PhoneJoins.symbolJoinAhead(s, k, k);
  }

  @Test
  void oneSymbolStringBetweenLongRunsJoins() {
    assertThat(joins("706$$555$$0139")).isTrue();
    assertThat(joins("555 ! 01 ! 88")).isTrue();
    assertThat(joins("909/555/01/62")).isTrue();
    assertThat(joins("555'0123")).isTrue();
  }

  @Test
  void pricesHeightsAndDatesDoNotJoin() {
    assertThat(joins("80$ 120$")).isFalse(); // white space beside a currency sign: prices
    assertThat(joins("55'66")).isFalse();    // a quote after two digits: feet and inches
    assertThat(joins("12/05")).isFalse();    // two pairs, no earlier run of three
    assertThat(joins("555$-0123")).isFalse(); // a currency sign among other chars
    assertThat(joins("555 - 0123")).isFalse(); // no symbol: the ordinary separators do this
    assertThat(joins("555$$$$0123")).isFalse(); // longer than MAX_GAP
    assertThat(joins("5$$0123")).isFalse();     // one digit before
    assertThat(joins("555$$1")).isFalse();      // one digit after
  }

  @Test
  void aCommaGroupsNumberWordsOnly() {
    assertThat(PhoneNumberScanner.defaults().scan("five five five, zero one two three")).singleElement()
        .extracting(PhoneNumberScanner.Candidate::normalised).isEqualTo("5550123");
    assertThat(PhoneNumberScanner.defaults().scan("555,0123,4567")).isEmpty();
  }
}
