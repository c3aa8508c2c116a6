package org.redflag.text;

/**
 * The leetspeak step's rules: which digits and symbols stand for which letters, what a token is, and
 * which runs of a token fold ({@link #foldToken}). {@link FoldPass} applies {@link #foldToken} to each
 * token as it ends; {@link #foldJoined} folds the text once more after joining, for spaced-out
 * leetspeak ({@code n 3 w}) that is one token only then.
 */
final class Leetspeak {
  private Leetspeak() {}

  /** Per ASCII char: the letter it stands for, or 0. */
  static final char[] LEET = new char[128];

  static {
    LEET['0'] = 'o';
    LEET['1'] = 'i';
    LEET['3'] = 'e';
    LEET['4'] = 'a';
    LEET['5'] = 's';
    LEET['7'] = 't';
    LEET['8'] = 'b';
    LEET['9'] = 'g';
    LEET['@'] = 'a';
    LEET['$'] = 's';
    LEET['!'] = 'i';
    LEET['|'] = 'i';
  }

  // A token's classes, as the fold tracks them per token: it can change only if it has both.
  static final int TOKEN_LETTER = 1;
  static final int TOKEN_OTHER = 2;
  /** A token with letters and digits or symbols: the only kind leetspeak can change. */
  static final int TOKEN_MIXED = TOKEN_LETTER | TOKEN_OTHER;

  /** {@link #TOKEN_LETTER}, {@link #TOKEN_OTHER} (a digit or leetspeak symbol), or 0: the char ends a token. */
  static int tokenClass(char c) {
    if (CharClass.isLetter(c)) return TOKEN_LETTER;
    return CharClass.isDigit(c) || isLeetSymbol(c) ? TOKEN_OTHER : 0;
  }

  static boolean isLeetSymbol(char c) { return c == '@' || c == '$' || c == '!' || c == '|'; }

  static boolean inToken(char c) { return CharClass.isWord(c) || isLeetSymbol(c); }

  /** A letter, or (with leetspeak on) a digit that stands for one: may join a spaced-out word. */
  static boolean letterLike(char c, boolean leetspeak) {
    return CharClass.isLetter(c) || (leetspeak && c < 128 && CharClass.isDigit(c) && LEET[c] != 0);
  }

  /**
   * Folds leetspeak token by token, in place (the length does not change), after joining: a token is a
   * run of word chars and leetspeak symbols not split by a recorded boundary. It can change only if it
   * holds a char with a leetspeak reading, so the pass jumps from one such char to the next and walks
   * back to its token's start, instead of classifying every char of the text.
   */
  static void foldJoined(AnalyzedText t) {
    char[] c = t.chars;
    byte[] f = t.flags;
    int n = t.length;
    int i = 0;
    while (i < n) {
      char x = c[i];
      if (x >= 128 || LEET[x] == 0) { i++; continue; }
      int start = i;
      while (start > 0 && (f[start] & AnalyzedText.FLAG_BOUNDARY) == 0 && inToken(c[start - 1])) start--;
      i = start;
      boolean letters = false;
      boolean other = false;
      while (i < n && inToken(c[i]) && (i == start || (f[i] & AnalyzedText.FLAG_BOUNDARY) == 0)) {
        if (CharClass.isLetter(c[i])) letters = true; else other = true;
        i++;
      }
      if (letters && other) foldToken(c, start, i);
    }
  }

  /**
   * Leetspeak in one token {@code [start, end)} of letters, digits and symbols: a run of digits or symbols
   * between letters folds; a single digit at the token's edge folds, a single symbol only where a word
   * starts; longer runs at an edge (a number with a unit) keep their digits.
   */
  static void foldToken(char[] c, int start, int end) {
    int i = start;
    while (i < end) {
      if (CharClass.isLetter(c[i])) { i++; continue; }
      int runStart = i;
      while (i < end && !CharClass.isLetter(c[i])) i++;
      boolean letterBefore = runStart > start;
      boolean letterAfter = i < end;
      int runLength = i - runStart;
      boolean fold;
      if (letterBefore && letterAfter) {
        fold = true; // inside a word: t0wn, h00kers, av4il4ble
      } else if (runLength == 1) {
        char x = c[runStart];
        // a lone digit at a word's edge (1n, n3); a symbol only where a word starts (@gency, $exy)
        fold = isLeetSymbol(x) ? (letterAfter && x != '!' && x != '|') : true;
      } else {
        fold = false; // 200hr, 30min: a number with a unit
      }
      if (!fold) continue;
      for (int k = runStart; k < i; k++) {
        char x = c[k];
        if (x < 128 && LEET[x] != 0) c[k] = LEET[x];
      }
    }
  }
}
