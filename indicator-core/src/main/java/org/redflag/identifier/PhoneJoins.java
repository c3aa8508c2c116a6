package org.redflag.identifier;

import static org.redflag.identifier.PhoneChars.isQuote;
import static org.redflag.identifier.PhoneChars.isSeparator;
import static org.redflag.identifier.PhoneChars.isSpaceLike;
import static org.redflag.identifier.PhoneChars.isSymbolSeparator;
import static org.redflag.identifier.PhoneNumberScanner.MAX_GAP;
import static org.redflag.identifier.PhoneScan.PLAIN;
import static org.redflag.identifier.PhoneScan.WORD;

/**
 * Whether the chars after a unit continue the number or end it: a comma after a number word, a full
 * stop ending a sentence after digits, and the symbols ({@code $$}, {@code !}, {@code /}) adverts put
 * between digit groups. Reads ahead at most {@value PhoneNumberScanner#MAX_GAP} + 3 chars. Stateless.
 */
final class PhoneJoins {
  private PhoneJoins() {}

  /**
   * "five five five, zero one two three": a comma right after a number word groups the words of one
   * number. After digits a comma stays a terminator ({@code 1,500}, lists of prices and ages).
   */
  static boolean commaAfterNumberWord(PhoneScan s, int cp, int i) {
    return cp == ',' && s.count > 0 && i == s.lastEnd && s.lastKind() == WORD;
  }

  /**
   * "I'm 23. Five five …": a full stop and a space right after a run of two or more plain digits
   * ends a sentence, not a number group (a phone group written so would have no space after it).
   */
  static boolean endsSentenceAfterNumber(PhoneScan s, int i) {
    int count = s.count;
    if (s.b[i] != '.' || i != s.lastEnd || count == 0 || count > s.uKind.length) return false;
    if (s.uKind[count - 1] != PLAIN || s.uRunLen[count - 1] < 2) return false;
    return i + 1 < s.n && Character.isWhitespace(s.b[i + 1]);
  }

  /** The last unit of the candidate is a digit of a run of two or more. */
  static boolean lastIsDigitRun(PhoneScan s) {
    int last = Math.min(s.count, s.uKind.length) - 1;
    return PhoneScan.isDigitKind(s.uKind[last]) && s.uRunLen[last] >= 2;
  }

  /**
   * Whether the symbol separator gap starting at {@code gapStart}, right after a digit run of
   * {@code runLen} digits, joins it to the next digit run: at most {@value PhoneNumberScanner#MAX_GAP}
   * chars of separators and symbols with at least one symbol, only that one char and no white space
   * when a currency sign or quote is among them ("80$ 120$" and "2021-€775" are prices, "706$$555"
   * one number), and on both sides runs of two or more digits, one of them (or an earlier run of the
   * number) of three or more; a quote only after three or more (an inch or foot mark follows one or
   * two). So heights, sizes and dates ({@code 5'6}, {@code 36"-24"}, {@code 12/05}) stay apart. Reads
   * at most MAX_GAP + 3 chars.
   */
  static boolean symbolJoinAhead(PhoneScan s, int gapStart, int runLen) {
    if (runLen < 2) return false;
    char[] b = s.b;
    int n = s.n;
    boolean symbol = false, tight = false, space = false, quote = false, slash = false, mixed = false;
    char first = 0;
    int j = gapStart;
    while (j < n && j - gapStart < MAX_GAP) {
      char c = b[j];
      if (c >= '0' && c <= '9') break;
      if (!isSpaceLike(c)) {
        if (first == 0) first = c;
        mixed |= c != first;
      }
      if (isSymbolSeparator(c)) {
        symbol = true;
        slash |= c == '/';
        if (c != '!' && c != '#' && c != '=' && c != '/' && c != '^' && c != '\\') tight = true;
        if (isQuote(c)) quote = true;
      } else if (isSeparator(c)) {
        if (Character.isWhitespace(c) || c == '\u00A0') space = true;
      } else {
        return false;
      }
      j++;
    }
    if (!symbol || tight && (space || mixed) || quote && runLen < 3 || j + 1 >= n || b[j] < '0' || b[j] > '9' || b[j + 1] < '0' || b[j + 1] > '9') {
      return false;
    }
    boolean nextLong = j + 2 < n && b[j + 2] >= '0' && b[j + 2] <= '9';
    if (runLen >= 3 || nextLong) return true;
    // two groups of two: only inside a number that is already joined so ("909/555/01/62"); a slash
    // between them starts no number ("13/11/2016")
    return slash ? (s.symbolGapOpen ? s.symbolGapSlash : s.prevJoinSlash) : s.longestRun >= 3;
  }
}
