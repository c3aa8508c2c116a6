package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gap chars, gap sameness and dates, from generated calendars rather than hand-picked cases. */
class PhoneGapShapeTest {
  private static char gap(String g) {
    char[] b = ("1" + g + "2").toCharArray();
    return PhoneGapShape.gapChar(b, 1, 1 + g.length());
  }

  @Test
  void gapCharNamesOrdinaryGroupingAndElseASymbol() {
    String[][] cases = {{" ", " "}, {"\u00A0 ", " "}, {"-", "-"}, {" \u2013 ", "-"}, {".", "."}, {"/", "/"}, {") ", ")"},
        {")-", ")"}, {"(", "("}, {"$$", "*"}, {"--", "*"}, {"-.", "*"}, {"•", "*"}};
    for (String[] c : cases) assertThat(gap(c[0])).as("'%s'", c[0]).isEqualTo(c[1].charAt(0));
  }

  @Test
  void sameGapIgnoresWhiteSpaceAndReadsOpeningAsClosingBracket() {
    char[] b = "$$ |$ $|((|))|$|$$$".toCharArray();
    assertThat(PhoneGapShape.sameGap(b, 0, 3, 4, 7)).isTrue();   // "$$ " and "$ $"
    assertThat(PhoneGapShape.sameGap(b, 8, 10, 11, 13)).isTrue(); // "((" and "))"
    assertThat(PhoneGapShape.sameGap(b, 14, 15, 16, 19)).isFalse(); // "$" and "$$$"
  }

  /** Every calendar day of 1900-2099 in d/m/yyyy, m/d/yy and yyyy-m-d is a date; no month 13+ with day 13+ is. */
  @Test
  void everyCalendarDayIsADateAndNothingElse() {
    for (int y = 1900; y <= 2099; y++) {
      for (int m = 1; m <= 12; m++) {
        for (int d = 1; d <= 31; d++) {
          assertThat(PhoneGapShape.isDate(new int[] {2, 2, 4}, new int[] {d, m, y})).isTrue();
          assertThat(PhoneGapShape.isDate(new int[] {2, 2, 2}, new int[] {m, d, y % 100})).isTrue();
          assertThat(PhoneGapShape.isDate(new int[] {4, 2, 2}, new int[] {y, m, d})).isTrue();
        }
      }
    }
    for (int a = 13; a <= 99; a++) {
      for (int b = 13; b <= 99; b++) {
        assertThat(PhoneGapShape.isDate(new int[] {2, 2, 4}, new int[] {a, b, 2024})).isFalse();
        assertThat(PhoneGapShape.isDate(new int[] {4, 2, 2}, new int[] {2024, a, b})).isFalse();
      }
    }
    assertThat(PhoneGapShape.isDate(new int[] {2, 2, 4}, new int[] {12, 5, 1899})).isFalse();
    assertThat(PhoneGapShape.isDate(new int[] {2, 2, 4}, new int[] {0, 5, 2024})).isFalse();
    assertThat(PhoneGapShape.isDate(new int[] {3, 3, 4}, new int[] {555, 12, 2024})).isFalse();
  }
}
