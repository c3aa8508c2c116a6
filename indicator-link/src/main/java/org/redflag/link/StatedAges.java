package org.redflag.link;

import java.util.Set;

/**
 * Ages an advert states about someone: a number of 10-99 next to an age word ({@code 19 years},
 * {@code 19yo}, {@code 19 y/o}, {@code age 19}, {@code aged 19}, {@code 19 Jahre}, {@code 19 лет}),
 * read from the words of {@link TemplateFeatures} (after the text pipeline). Used only to count
 * distinct stated ages in a cluster and to flag an age changed between re-posts; the values are never
 * written out.
 */
final class StatedAges {
  private StatedAges() {}

  static final Set<String> AFTER = Set.of("years", "year", "yrs", "yr", "yo", "jahre", "jahren", "jahrig", "лет", "года",
      "anos", "años", "ans", "ani", "lat");
  static final Set<String> BEFORE = Set.of("age", "aged", "alter", "возраст", "edad", "idade");

  /** Stated ages as a bit set over 0..127 (two longs), bits for ages 10..99. */
  static long[] of(TemplateFeatures f) {
    long[] bits = new long[2];
    String[] w = f.words;
    for (int k = 0; k < w.length; k++) {
      if (f.kinds[k] != TemplateFeatures.NUMBER) continue;
      String s = w[k];
      int age = leadingTwoDigits(s);
      if (age < 10) continue;
      String rest = s.substring(2);
      boolean stated = rest.equals("yo") || rest.equals("yrs") || rest.equals("y") && k + 1 < w.length && w[k + 1].equals("o");
      if (!stated && rest.isEmpty()) {
        stated = k + 1 < w.length && (AFTER.contains(w[k + 1]) || w[k + 1].equals("y") && k + 2 < w.length && w[k + 2].equals("o"))
            || k > 0 && BEFORE.contains(w[k - 1]);
      }
      if (stated) bits[age >>> 6] |= 1L << (age & 63);
    }
    return bits;
  }

  private static int leadingTwoDigits(String s) {
    if (s.length() < 2 || !isDigit(s.charAt(0)) || !isDigit(s.charAt(1))) return -1;
    if (s.length() > 2 && isDigit(s.charAt(2))) return -1;
    return (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
  }

  private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

  static boolean none(long[] bits) { return bits[0] == 0 && bits[1] == 0; }

  static int count(long[] bits) { return Long.bitCount(bits[0]) + Long.bitCount(bits[1]); }

  static int min(long[] bits) {
    if (bits[0] != 0) return Long.numberOfTrailingZeros(bits[0]);
    return bits[1] != 0 ? 64 + Long.numberOfTrailingZeros(bits[1]) : -1;
  }
}
