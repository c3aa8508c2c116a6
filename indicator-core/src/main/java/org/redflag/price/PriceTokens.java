package org.redflag.price;

import java.util.Arrays;

/**
 * The tokens of one text, as {@link PriceTokenizer} writes them and {@link PriceParser} reads them:
 * parallel arrays indexed by token, reused from text to text on one thread so that steady-state
 * extraction allocates no arrays.
 */
final class PriceTokens {
  // ---- token types ----
  static final byte NUM = 1;
  static final byte WORD = 2;
  static final byte SYM = 3;
  static final byte PUNCT = 4;

  int n;
  byte[] type = new byte[64];
  int[] start = new int[64];
  int[] end = new int[64];
  /** NUM: 1 when the number is malformed or overflows; WORD: role flags; SYM: currency; PUNCT: the char. */
  int[] info = new int[64];
  /** WORD: value of the role (currency index, minutes, count). NUM: count of integer digits. */
  int[] value = new int[64];
  /** NUM: amount in hundredths. */
  long[] cents = new long[64];
  /** True when no white space separates the token from the previous one. */
  boolean[] glued = new boolean[64];
  /** Digit groups of the number being read, and the separator before each. */
  final int[] groupDigits = new int[PriceTokenizer.MAX_GROUPS];
  final char[] seps = new char[PriceTokenizer.MAX_GROUPS];
  /** The text being tokenized (see PriceTokenizer.tokenize). */
  char[] chars = new char[256];

  int add(byte ty, int s, int e, boolean g) {
    if (n == type.length) grow();
    type[n] = ty;
    start[n] = s;
    end[n] = e;
    glued[n] = g;
    info[n] = 0;
    value[n] = 0;
    cents[n] = 0;
    return n++;
  }

  private void grow() {
    int c = type.length * 2;
    type = Arrays.copyOf(type, c);
    start = Arrays.copyOf(start, c);
    end = Arrays.copyOf(end, c);
    info = Arrays.copyOf(info, c);
    value = Arrays.copyOf(value, c);
    cents = Arrays.copyOf(cents, c);
    glued = Arrays.copyOf(glued, c);
  }

  /** Drops buffers grown by one huge text so one thread does not keep them forever. */
  void trim() {
    if (type.length > 1 << 14) {
      type = new byte[64];
      start = new int[64];
      end = new int[64];
      info = new int[64];
      value = new int[64];
      cents = new long[64];
      glued = new boolean[64];
    }
    if (chars.length > 1 << 16) chars = new char[256];
  }
}
