package org.redflag.text;

/** Classes of normalised chars, one table read each (the matcher's boundary checks run per match). */
public final class CharClass {
  static final byte LETTER = 1;
  static final byte DIGIT = 2;
  static final byte SEPARATOR = 4; // may join single letters: . - _ · • * ~
  static final byte CLAUSE = 8;    // ends a clause: . , ; : ! ? and line breaks
  static final byte JOIN = 16;     // space, line break or separator: the joining step looks at it
  private static final byte[] CLASS = new byte[0x10000];

  static {
    for (int c = 0; c < CLASS.length; c++) {
      byte k = 0;
      if (Character.isLetter((char) c)) k |= LETTER;
      else if (Character.isDigit((char) c)) k |= DIGIT;
      CLASS[c] = k;
    }
    for (char c : ".-_\u00B7\u2022*~".toCharArray()) CLASS[c] |= SEPARATOR | JOIN;
    CLASS[' '] |= JOIN;
    CLASS['\n'] |= JOIN;
    for (char c : ".,;:!?\n\u3002\uFF0C".toCharArray()) CLASS[c] |= CLAUSE;
  }

  private CharClass() {}

  /** Letter or digit. */
  public static boolean isWord(char c) { return (CLASS[c] & (LETTER | DIGIT)) != 0; }

  public static boolean isLetter(char c) { return (CLASS[c] & LETTER) != 0; }

  public static boolean isDigit(char c) { return (CLASS[c] & DIGIT) != 0; }

  static boolean isSeparator(char c) { return (CLASS[c] & SEPARATOR) != 0; }

  static boolean isJoinCandidate(char c) { return (CLASS[c] & JOIN) != 0; }

  static boolean isClauseBreak(char c) { return (CLASS[c] & CLAUSE) != 0; }
}
