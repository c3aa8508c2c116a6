package org.redflag.text;

/**
 * What {@link FoldPass}'s ASCII path needs to know about an ASCII char, precomputed so that it is one
 * table read per char. {@link FoldTable} holds the fold of every code point; this table holds, for
 * printable ASCII only, that fold together with the bits the leetspeak and joining steps ask about, so
 * the common path never reads both.
 *
 * <p>Everything here is derived from {@link FoldTable}, {@link CharClass} and {@link Leetspeak} at class
 * initialisation, and checked against them where the two could disagree ({@link #BREAK}).
 */
final class AsciiTable {
  private AsciiTable() {}

  /**
   * Per ASCII char, 0 when it is not printable (take the general path), else: the folded char in bits
   * 0..15, its leetspeak token class in bits 16..17, {@link #INFO_PLAIN} unless it is a digit, # or *
   * (which may start a keycap emoji when a non-ASCII char follows), and bits for the chars the joining
   * step looks at.
   */
  static final int[] INFO = new int[128];
  static final int INFO_TOKEN_SHIFT = 16;
  static final int INFO_PLAIN = 1 << 18;     // folds to itself or its lower case, whatever follows
  static final int INFO_HYPHEN = 1 << 19;    // - and _: removed between words, as white space is
  static final int INFO_SEPARATOR = 1 << 20; // . - _ * ~: the joining step looks at it
  static final int INFO_LETTER = 1 << 21;    // a-z, A-Z

  static {
    for (char c = 0x21; c < 0x7F; c++) {
      char plain = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      boolean keycap = (c >= '0' && c <= '9') || c == '#' || c == '*';
      INFO[c] = plain | Leetspeak.tokenClass(plain) << INFO_TOKEN_SHIFT | (keycap ? 0 : INFO_PLAIN)
          | (c == '-' || c == '_' ? INFO_HYPHEN : 0) | (CharClass.isSeparator(c) ? INFO_SEPARATOR : 0)
          | (isAsciiLetter(c) ? INFO_LETTER : 0);
    }
  }

  /**
   * Which chars up to the space the ASCII path folds as a line break: read from {@code FoldTable}, so
   * the ASCII path and the general one cannot disagree. Every such char must fold as white space or a
   * control (both read as a space), which the ASCII path assumes; checked here.
   */
  static final boolean[] BREAK = new boolean[' ' + 1];

  static {
    for (char c = 0; c <= ' '; c++) {
      int kind = FoldTable.kind(FoldTable.entry(c));
      if (kind != FoldTable.KIND_SPACE && kind != FoldTable.KIND_CONTROL && kind != FoldTable.KIND_BREAK) {
        throw new IllegalStateException("FoldTable folds U+" + Integer.toHexString(c) + " as kind " + kind + ", not as white space");
      }
      BREAK[c] = kind == FoldTable.KIND_BREAK;
    }
  }

  static boolean isAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
}
