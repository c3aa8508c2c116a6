package org.redflag.identifier;

import static org.redflag.identifier.PhoneChars.digitValue;
import static org.redflag.identifier.PhoneChars.isQuantityMark;
import static org.redflag.identifier.PhoneChars.isWordChar;
import static org.redflag.identifier.PhoneScan.KEYCAP;
import static org.redflag.identifier.PhoneScan.NON_ASCII;
import static org.redflag.identifier.PhoneScan.PLAIN;

/**
 * Reads a run of digits (any script) or one keycap digit into units of the scan, unless the run is
 * glued to something that makes it a quantity rather than part of a number: a letter ({@code 34C},
 * {@code 10pm}), a currency sign or other quantity mark ({@code $80}, {@code 80€}, {@code 5'6}), or
 * {@code : / ,} between digits ({@code 10:30}, {@code 24/7}, {@code 1,500}). Stateless.
 */
final class PhoneReader {
  private PhoneReader() {}

  /** A run of digits starting at {@code i}, or one keycap digit. Returns the index after it. */
  static int digits(PhoneScan s, int i) {
    int n = s.n;
    int first = s.cpAt(i);
    int afterFirst = i + Character.charCount(first);
    int keycapEnd = keycapEnd(s, afterFirst);
    if (keycapEnd > 0) {
      s.add(i, keycapEnd, KEYCAP, digitValue(first), 1);
      return keycapEnd;
    }
    int k = i;
    int runLen = 0;
    while (k < n) {
      int cp = s.cpAt(k);
      if (digitValue(cp) < 0) break;
      int next = k + Character.charCount(cp);
      if (keycapEnd(s, next) > 0) break;
      k = next;
      runLen++;
    }
    if (gluedBefore(s, i) || gluedAfter(s, k, runLen)) {
      s.flush();
      return k;
    }
    int j = i;
    while (j < k) {
      int cp = s.cpAt(j);
      int next = j + Character.charCount(cp);
      s.add(j, next, cp < 128 ? PLAIN : NON_ASCII, digitValue(cp), runLen);
      j = next;
    }
    return k;
  }

  /** End of a keycap sequence whose digit ends at {@code i} (optional U+FE0F, then U+20E3), or -1. */
  static int keycapEnd(PhoneScan s, int i) {
    char[] b = s.b;
    int n = s.n;
    int j = i;
    if (j < n && b[j] == '\uFE0F') j++;
    return j < n && b[j] == '\u20E3' ? j + 1 : -1;
  }

  /** Whether the digit run at {@code i} is glued to a quantity before it. */
  static boolean gluedBefore(PhoneScan s, int i) {
    if (i == 0) return false;
    int cp = s.cpBefore(i);
    if (i == s.lastEnd && s.count > 0 && PhoneScan.isLetterKind(s.lastKind())) {
      return false; // "five5", "O5": the letter belongs to a unit
    }
    if (s.symbolGapOpen && s.count > 0) return false; // run() accepted the symbols before this run as a separator
    if (isWordChar(cp) || isQuantityMark(cp)) return true;
    if (cp == ':' || cp == '/' || cp == ',') {
      int before = i - Character.charCount(cp);
      return before > 0 && digitValue(s.cpBefore(before)) >= 0;
    }
    return false;
  }

  /** Whether the digit run of {@code runLen} digits ending at {@code k} is glued to a quantity after it. */
  static boolean gluedAfter(PhoneScan s, int k, int runLen) {
    int n = s.n;
    if (k >= n) return false;
    int cp = s.cpAt(k);
    if ((isQuantityMark(cp) || cp == '/') && PhoneJoins.symbolJoinAhead(s, k, runLen)) return false; // "706$$555", "909/555"
    if (isQuantityMark(cp)) return true;
    if (cp == ':' || cp == '/' || cp == ',') {
      int after = k + Character.charCount(cp);
      return after < n && digitValue(s.cpAt(after)) >= 0;
    }
    // A letter right after: a unit if it is a number word or letter O, else a quantity (34C, 10pm).
    if (isWordChar(cp)) return !PhoneWordReader.startsUnitWord(s, k);
    return false;
  }
}
