package org.redflag.identifier;

/**
 * The character classes the phone scanner reads text by: digits of any script, letters, the ordinary
 * separators between digit groups, the symbols adverts put there to dodge a digit search, quantity
 * marks, and the letters and digits that stand for one another ("O" for 0, "f1ve"). Stateless.
 */
final class PhoneChars {
  private PhoneChars() {}

  /**
   * Chars that adverts put between digit groups to dodge a digit search and that otherwise mark a
   * quantity or end a number ({@code $ € ' " ° ! # / =} …; the ordinary separators are {@link
   * #isSeparator}). They join groups only under {@code Scan.symbolJoinAhead}'s rule.
   */
  static boolean isSymbolSeparator(int cp) {
    return switch (cp) {
      case '$', '\'', '"', '`', '\u00B4', '\u2018', '\u2019', '\u201C', '\u201D', '\u00B0', '!', '#', '/', '=', '^', '\\',
          '[', ']', '{', '}', '<', '>', '\u00AB', '\u00BB', '\u2032', '\u2033' -> true;
      default -> cp >= 128 && Character.getType(cp) == Character.CURRENCY_SYMBOL;
    };
  }

  /** The digit a letter stands for when written among digits (O for 0, l and I for 1, Cyrillic З for 3), or -1. */
  static int lookAlikeDigit(char c) {
    return switch (c) {
      case 'o', 'O', '\u043E', '\u041E' -> 0;
      case 'l', 'I', '\u0406', '\u0456' -> 1;
      case '\u0417', '\u0437' -> 3;
      default -> -1;
    };
  }

  /** Whether digit {@code a} stands for letter {@code c} inside a word ("f1ve", "thr33", "s3ven", "z3r0"). */
  static boolean leetLetter(char a, char c) {
    return switch (a) {
      case '0' -> c == 'o' || c == 'о';
      case '1' -> c == 'i' || c == 'l';
      case '3' -> c == 'e' || c == 'е';
      case '4' -> c == 'a' || c == 'а';
      case '5' -> c == 's';
      case '7' -> c == 't';
      default -> false;
    };
  }

  static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '`' || c == '\u00B4' || c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D'
        || c == '\u2032' || c == '\u2033';
  }

  static boolean isSpaceLike(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u200B';
  }

  /** {@link #quietClass} of a char the quiet skip passes, of a letter, and of one that stops it. */
  static final byte QUIET_OTHER = 0, QUIET_LETTER = 1, QUIET_STOP = 2;

  /**
   * For the scan's skip over quiet text, per ASCII char: a letter, a char that stops the skip
   * (digits, '+'), or any other char.
   */
  private static final byte[] ASCII_QUIET = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      boolean letter = isWordChar(c);
      ASCII_QUIET[c] = c == '+' || digitValue(c) >= 0 ? QUIET_STOP
          : letter ? QUIET_LETTER : QUIET_OTHER;
    }
  }

  /** The quiet class of an ASCII char ({@code c < 128}). */
  static byte quietClass(char c) { return ASCII_QUIET[c]; }

  /** {@link Character#toLowerCase(char)} of an ASCII char. */
  static char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }

  /** Decimal digit value of {@code cp} (any script), or -1. */
  static int digitValue(int cp) {
    if (cp >= '0' && cp <= '9') return cp - '0';
    if (cp < 128) return -1;
    return Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
  }

  static boolean isWordChar(int cp) {
    if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** Marks that make an adjacent number a quantity: currency, percent, quotes, degree, hash. */
  static boolean isQuantityMark(int cp) {
    return cp == '%' || cp == '\'' || cp == '"' || cp == '#' || cp == '\u2019' || cp == '\u00B0' || cp == '\u2032'
        || cp == '\u2033' || Character.getType(cp) == Character.CURRENCY_SYMBOL;
  }

  static boolean isSeparator(int cp) {
    return switch (cp) {
      case ' ', '\t', '.', '-', '_', '*', '|', '~', '(', ')', '\u00A0', '\u00B7', '\u2022', '\u2010', '\u2011', '\u2012',
          '\u2013', '\u2014', '\u2212', '\u202F', '\u2009', '\u200B' -> true;
      default -> false;
    };
  }
}
