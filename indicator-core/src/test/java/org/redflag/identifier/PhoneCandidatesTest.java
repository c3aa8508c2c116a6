package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the scan reports, against generated digit strings: counts, counting and repeated digits. */
class PhoneCandidatesTest {
  private static final PhoneNumberScanner S = PhoneNumberScanner.defaults();

  /** Digits start, start + step, … (mod 10), {@code len} of them. */
  private static String steps(int start, int step, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) sb.append((char) ('0' + Math.floorMod(start + i * step, 10)));
    return sb.toString();
  }

  @Test
  void countingAndRepeatedDigitsAreNoNumberAndOtherStepsAre() {
    for (int len = 1; len <= 20; len++) {
      for (int start = 0; start < 10; start++) {
        for (int step = 0; step < 10; step++) {
          String digits = steps(start, step, len);
          boolean counting = step == 0 || step == 1 || step == 9;
          boolean expected = len >= PhoneNumberScanner.MIN_DIGITS && len <= PhoneNumberScanner.MAX_DIGITS && !counting;
          assertThat(S.scan("tel " + digits + " ok")).as(digits).hasSize(expected ? 1 : 0);
          String spaced = String.join(" ", digits.split(""));
          assertThat(S.scan("tel " + spaced + " ok")).as(spaced).hasSize(expected ? 1 : 0);
        }
      }
    }
  }

  @Test
  void strayNumberWordsAtOneEndBelongToTheSentence() {
    assertThat(S.scan("555 0123 two girls")).singleElement().extracting(PhoneNumberScanner.Candidate::normalised)
        .isEqualTo("5550123");
    assertThat(S.scan("oh 555 0123")).singleElement().extracting(PhoneNumberScanner.Candidate::normalised)
        .isEqualTo("5550123");
    // three words are part of the number (MAX_STRAY_WORDS is two)
    assertThat(S.scan("555 0123 two one six")).singleElement().extracting(PhoneNumberScanner.Candidate::normalised)
        .isEqualTo("5550123216");
    assertThat(S.scan("twenty thirty forty fifty")).isEmpty();
  }
}
