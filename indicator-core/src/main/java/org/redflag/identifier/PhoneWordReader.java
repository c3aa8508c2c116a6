package org.redflag.identifier;

import static org.redflag.identifier.NumberWords.MAX_WORD;
import static org.redflag.identifier.PhoneChars.asciiLower;
import static org.redflag.identifier.PhoneChars.digitValue;
import static org.redflag.identifier.PhoneChars.isWordChar;
import static org.redflag.identifier.PhoneChars.leetLetter;
import static org.redflag.identifier.PhoneChars.lookAlikeDigit;
import static org.redflag.identifier.PhoneScan.LETTER_DIGIT;
import static org.redflag.identifier.PhoneScan.LETTER_O;
import static org.redflag.identifier.PhoneScan.WORD;

/**
 * Reads a letter word into units of the scan: look-alike letters touching digits ("O" for 0, "l" for
 * 1), number words ({@link NumberWords}, alone or written together: "fivefive"), number words with
 * digits for letters ("f1ve"). Any other word ends the candidate. Matching is longest first at each
 * position with no backtracking, and never looks further than {@link NumberWords#MAX_WORD} chars.
 * Stateless.
 */
final class PhoneWordReader {
  private PhoneWordReader() {}

  /** A letter word at {@code i}: number words and letter-O zeros are units, any other word ends the candidate. */
  static int word(PhoneScan s, int i) {
    char[] b = s.b;
    int n = s.n;
    int end = wordEnd(s, i);
    if (end - i <= MAX_WORD) {
      boolean touchesDigit = (i == s.lastEnd && s.count > 0 && PhoneScan.isDigitKind(s.lastKind()))
          || (end < n && digitValue(s.cpAt(end)) >= 0);
      if (touchesDigit && isLookAlikes(s, i, end)) {
        for (int j = i; j < end; j++) {
          int d = lookAlikeDigit(b[j]);
          s.add(j, j + 1, d == 0 ? LETTER_O : LETTER_DIGIT, d, 0);
        }
        return end;
      }
      if (decompose(s, i, end, false)) {
        decompose(s, i, end, true);
        return end;
      }
      if (end < n && b[end] >= '0' && b[end] <= '9' && leetWords(s, i, false) > 0) return leetWords(s, i, true);
    }
    if (i == s.lastEnd && s.count > 0 && PhoneScan.isDigitKind(s.lastKind())) s.dropTrailingRun();
    s.flush();
    return end;
  }

  /** True when the letter word at {@code k} reads as number words or as letters for digits. */
  static boolean startsUnitWord(PhoneScan s, int k) {
    int end = wordEnd(s, k);
    if (end - k > MAX_WORD) return false;
    return isLookAlikes(s, k, end) || decompose(s, k, end, false)
        || end < s.n && s.b[end] >= '0' && s.b[end] <= '9' && leetWords(s, k, false) > 0;
  }

  static int wordEnd(PhoneScan s, int i) {
    char[] b = s.b;
    int n = s.n;
    int k = i;
    while (k < n) {
      char c = b[k];
      if (c < 128) { // ASCII fast path: most advert text
        if (((c | 0x20) < 'a' || (c | 0x20) > 'z')) break;
        k++;
        continue;
      }
      int cp = s.cpAt(k);
      if (!isWordChar(cp)) break;
      k += Character.charCount(cp);
    }
    return k;
  }

  /** One to four letters each standing for a digit (O for 0, l or I for 1, Cyrillic З for 3). */
  static boolean isLookAlikes(PhoneScan s, int i, int end) {
    if (end - i > 4 || end == i) return false;
    for (int j = i; j < end; j++) if (lookAlikeDigit(s.b[j]) < 0) return false;
    return true;
  }

  /**
   * Number words written with digits for some of their letters ("f1ve", "s1x", "thr33"): from the
   * letter at {@code i}, words matched longest first where a digit may stand for the letter it looks
   * like (after the word's first char), until a char that is not a letter. Returns the end, or -1
   * when not every letter belongs to such a word or no digit stood for a letter. Adds the units when
   * {@code add}.
   */
  static int leetWords(PhoneScan s, int i, boolean add) {
    char[] b = s.b;
    int n = s.n;
    int p = i;
    boolean leet = false;
    while (p < n && p - i <= MAX_WORD && isWordChar(b[p])) {
      int first = NumberWords.firstIndex(b[p]);
      if (first < 0) return -1;
      String[] words = NumberWords.WORDS_BY_FIRST[first];
      int best = -1, bestLen = 0;
      boolean bestLeet = false;
      for (int k = 0; k < words.length; k++) {
        String w = words[k];
        int l = w.length();
        if (l <= bestLen || p + l > n) continue;
        int m = leetMatch(b, p, w);
        if (m >= 0) {
          best = NumberWords.VALUES_BY_FIRST[first][k];
          bestLen = l;
          bestLeet = m > 0;
        }
      }
      if (best < 0) return -1;
      if (add) addWord(s, p, p + bestLen, best);
      leet |= bestLeet;
      p += bestLen;
    }
    return leet ? p : -1;
  }

  /** Whether {@code w} is at {@code p} with digits for some letters: -1 no, else the number of such digits. */
  static int leetMatch(char[] b, int p, String w) {
    int digits = 0;
    for (int j = 0; j < w.length(); j++) {
      char a = b[p + j], c = w.charAt(j);
      if (a == c || (a < 128 ? asciiLower(a) : Character.toLowerCase(a)) == c) continue;
      if (j > 0 && leetLetter(a, c)) {
        digits++;
        continue;
      }
      return -1;
    }
    return digits;
  }

  /**
   * Splits {@code [i, end)} into number words, longest first at each position (no backtracking:
   * the word lists have no prefix ambiguity that needs it). Adds the units when {@code add}.
   */
  static boolean decompose(PhoneScan s, int i, int end, boolean add) {
    char[] b = s.b;
    int p = i;
    int parts = 0;
    while (p < end) {
      char ch = b[p];
      if (p + 1 >= end) return false; // every number word has at least two chars
      char ch2 = b[p + 1];
      if (!s.noFastPaths && (ch | ch2) < 128 && !NumberWords.asciiPair(ch, ch2)) return false;
      int first = NumberWords.firstIndex(ch);
      if (first < 0) return false;
      String[] words = NumberWords.WORDS_BY_FIRST[first];
      int best = -1, bestLen = 0;
      for (int k = 0; k < words.length; k++) {
        String w = words[k];
        int l = w.length();
        if (l > bestLen && p + l <= end && regionMatches(b, p, w)) {
          best = NumberWords.VALUES_BY_FIRST[first][k];
          bestLen = l;
        }
      }
      if (best < 0) return false;
      if (add) addWord(s, p, p + bestLen, best);
      p += bestLen;
      parts++;
    }
    return parts > 0;
  }

  static boolean regionMatches(char[] b, int p, String w) {
    for (int j = 0; j < w.length(); j++) {
      char a = b[p + j], c = w.charAt(j);
      if (a != c && (a < 128 ? asciiLower(a) : Character.toLowerCase(a)) != c) return false;
    }
    return true;
  }

  /**
   * A number word of value 0-90: one unit, or two for a teen or tens word; a ones word right after a
   * tens word (nothing, one space or a hyphen between) fills its zero ("sixty-five" is 65).
   */
  static void addWord(PhoneScan s, int start, int end, int value) {
    int tensZero = s.tensZero;
    if (value >= 1 && value <= 9 && tensZero >= 0 && tensZero == s.count - 1 && tensZero < s.uStart.length
        && start - s.lastEnd <= 1 && (start == s.lastEnd || s.b[s.lastEnd] == '-' || s.b[s.lastEnd] == ' ')) {
      s.uDigit[tensZero] = (byte) value;
      s.uEnd[tensZero] = end;
      s.lastEnd = end;
      s.tensZero = -1;
      return;
    }
    if (value < 10) {
      s.add(start, end, WORD, value, 0);
      return;
    }
    s.add(start, end, WORD, value / 10, 0);
    s.add(start, end, WORD, value % 10, 0);
    int count = s.count;
    if (count <= s.uTens.length) {
      s.uTens[count - 2] = true;
      s.uTens[count - 1] = true;
    }
    if (value >= 20) s.tensZero = count - 1;
  }
}
