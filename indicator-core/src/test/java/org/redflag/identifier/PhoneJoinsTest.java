package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which symbol gaps join two digit runs into one number, read on a fresh scan of the text. */
class PhoneJoinsTest {
  /** Whether the gap right after the first digit run of {@code text} joins it to the next run. */
  private static boolean joins(String text) {
    PhoneScan s = new PhoneScan().reset(text);
    int k = 0;
    while (k < text.length() && Character.isDigit(text.charAt(k))) k++;
    return PhoneJoins.symbolJoinAhead(s, k, k);
  }

  @ParameterizedTest
  @ValueSource(strings = {"706$$555$$0139", "555 ! 01 ! 88", "909/555/01/62", "555'0123"})
  void oneSymbolStringBetweenLongRunsJoins(String text) {
    assertThat(joins(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "80$ 120$",    // white space beside a currency sign: prices
      "55'66",       // a quote after two digits: feet and inches
      "12/05",       // two pairs, no earlier run of three
      "555$-0123",   // a currency sign among other chars
      "555 - 0123",  // no symbol: the ordinary separators do this
      "555$$$$0123", // longer than MAX_GAP
      "5$$0123",     // one digit before
      "555$$1"})     // one digit after
  void pricesHeightsAndDatesDoNotJoin(String text) {
    assertThat(joins(text)).isFalse();
  }

  @Test
  void aCommaGroupsNumberWordsOnly() {
    assertThat(PhoneNumberScanner.defaults().scan("five five five, zero one two three")).singleElement()
        .extracting(PhoneNumberScanner.Candidate::normalised).isEqualTo("5550123");
    assertThat(PhoneNumberScanner.defaults().scan("555,0123,4567")).isEmpty();
  }
}
