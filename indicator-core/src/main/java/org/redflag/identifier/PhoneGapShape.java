package org.redflag.identifier;

import static org.redflag.identifier.PhoneChars.isSpaceLike;

/**
 * How the digit groups of a finished candidate are separated: ordinarily (white space, one
 * {@code - . –}, one {@code /}, brackets round one group), with symbols as obfuscation writes them
 * ({@code 555$$555$$0153}, {@code 909/555/01/62}), or not a number at all (a date, a list of round
 * amounts). Runs once per candidate, over its gaps only. Stateless; its scratch arrays are the scan's.
 */
final class PhoneGapShape {
  private PhoneGapShape() {}

  /** {@link #of} results. */
  static final int PLAIN_GAPS = 0, SYMBOL_GAPS = 1, NOT_A_NUMBER = 2;

  /**
   * How the digit groups of units {@code [from, to)} are separated, when all units are plain digits
   * (words, keycaps and letters carry their own technique): {@link #SYMBOL_GAPS} when some gap is not
   * the way numbers are ordinarily grouped (white space, one {@code - . –}, one {@code /}, brackets
   * round one group) and every group has two or more digits, one of them three or more;
   * {@link #NOT_A_NUMBER} for a date ({@code 12/05/2024}, {@code 2024-05-12}) or,
   * with symbol gaps, a list of round amounts ({@code 100•150•200}, {@code 75*125*175}), else
   * {@link #PLAIN_GAPS}.
   */
  static int of(PhoneScan s, int from, int to) {
    char[] b = s.b;
    int[] uStart = s.uStart, uEnd = s.uEnd;
    byte[] uDigit = s.uDigit;
    for (int u = from; u < to; u++) if (!PhoneScan.isDigitKind(s.uKind[u])) return PLAIN_GAPS;
    boolean obscuring = false, parenOpen = false, allEnd0 = true, allEnd05 = true, allShort = true, groupsOk = true;
    int longest = 0, last = 0, beforeLast = 0;
    int slashes = 0, groups = 0, len = 0, value = 0, standard = 0;
    int slashGap = -1;
    boolean slashesMixed = false;
    int symStart = -1, symEnd = -1; // the first symbol gap; every other must be written the same
    boolean mixed = false, bracketFirst = false;
    int symbolGaps = 0;
    char same = 0; // the one separator char of every gap, or '?' when they differ
    int[] lens = s.groupLens, values = s.groupValues;
    for (int u = from; u < to; u++) {
      len++;
      value = Math.min(value * 10 + uDigit[u], 100_000);
      if (u + 1 < to && uStart[u + 1] == uEnd[u]) continue;
      if (groups < lens.length) {
        lens[groups] = len;
        values[groups] = value;
      }
      groups++;
      allEnd0 &= uDigit[u] == 0;
      allEnd05 &= uDigit[u] == 0 || uDigit[u] == 5;
      allShort &= len <= 3;
      groupsOk &= len >= 2;
      longest = Math.max(longest, len);
      beforeLast = last;
      last = len;
      len = 0;
      value = 0;
      if (u + 1 == to) break;
      int gs = uEnd[u], ge = uStart[u + 1];
      char g = gapChar(b, gs, ge);
      boolean symbolGap = false;
      if (g == '(') {
        parenOpen = true;
      } else if (g == ')') {
        boolean opened = parenOpen || groups == 1 && uStart[from] > 0 && b[uStart[from] - 1] == '(';
        if (!opened) symbolGap = true;
        parenOpen = false;
      } else if (g == '/') {
        slashes++;
        standard++;
        // "909/555/01/62" writes every slash alike; "120 / 12/10/14" is a list with a date in it
        if (slashGap < 0) slashGap = ge - gs;
        else if (slashGap != ge - gs) slashesMixed = true;
      } else if (g == '-' || g == '.') {
        standard++;
      } else if (g != ' ') {
        symbolGap = true;
      }
      if (symbolGap) {
        obscuring = true;
        symbolGaps++;
        if (symStart < 0) {
          symStart = gs;
          symEnd = ge;
          bracketFirst = groups == 1 && b[gs] == ')';
        } else if (!sameGap(b, symStart, symEnd, gs, ge)) {
          mixed = true;
        }
      }
      same = same == 0 || same == g ? g : '?';
    }
    // the run starts right after a digit and one of / . - ("6/6.2016 / 60 / 15"): it continues a
    // number written before it (a date, a decimal), so its slashes list numbers, they do not obscure one
    int s0 = uStart[from];
    boolean continues = s0 >= 2 && (b[s0 - 1] == '/' || b[s0 - 1] == '.' || b[s0 - 1] == '-') && b[s0 - 2] >= '0' && b[s0 - 2] <= '9';
    if (slashes >= 2 && standard == slashes && !slashesMixed && !continues) {
      obscuring = true; // "909/555/01/62"
      standard = 0;
      symbolGaps = slashes;
    }
    if (groups == 3 && (same == '/' || same == '.' || same == '-') && isDate(lens, values)) return NOT_A_NUMBER;
    if (obscuring && (allEnd0 || allEnd05 && allShort)) return NOT_A_NUMBER;
    // symbol gaps between single digits or small numbers ("8 • 10 • 12 • 14") are no technique
    // one symbol string throughout, as obfuscation writes it ("555$$555$$0153"), or brackets round the
    // first group before ordinary grouping ("(((555)))555-0105"); a symbol among ordinary separators
    // is a list of several numbers ("42-22-33 • 167"), not one obscured number; so is one symbol
    // between two numbers ("2009*161")
    boolean consistent = !mixed && (standard == 0 && symbolGaps >= 2 || bracketFirst);
    // and grouped as phone numbers end: four digits, or two pairs ("555*01*63"); "150 | 210 | 164" is a list
    boolean phoneShape = last == 4 || last == 2 && beforeLast == 2;
    return obscuring && consistent && phoneShape && groupsOk && longest >= 3 ? SYMBOL_GAPS : PLAIN_GAPS;
  }

  /** Whether two gaps are written alike, white space left out and '(' taken as ')' ("((" and "))"). */
  static boolean sameGap(char[] b, int s1, int e1, int s2, int e2) {
    int i = s1, j = s2;
    while (true) {
      while (i < e1 && isSpaceLike(b[i])) i++;
      while (j < e2 && isSpaceLike(b[j])) j++;
      if (i == e1 || j == e2) return i == e1 && j == e2;
      char x = b[i] == '(' ? ')' : b[i], y = b[j] == '(' ? ')' : b[j];
      if (x != y) return false;
      i++;
      j++;
    }
  }

  /**
   * The gap {@code [s, e)} between two digit groups, white space left out: ' ' when nothing else,
   * the char when it is one of {@code - . / ( )} ({@code ")-"} and {@code ") "} count as ')'), '–' as
   * '-', else '*' (a symbol gap).
   */
  static char gapChar(char[] b, int s, int e) {
    char found = ' ';
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (isSpaceLike(c)) continue;
      if (c == '\u2013' || c == '\u2010' || c == '\u2011') c = '-';
      if (found == ' ') {
        found = c == '-' || c == '.' || c == '/' || c == '(' || c == ')' ? c : '*';
      } else if (!(found == ')' && (c == '-' || c == '.'))) {
        return '*';
      }
    }
    return found;
  }

  /** dd/mm/yyyy, mm/dd/yy, yyyy-mm-dd and the like (three groups of one separator). */
  static boolean isDate(int[] lens, int[] v) {
    boolean dayMonth = v[0] >= 1 && v[1] >= 1 && (v[0] <= 31 && v[1] <= 12 || v[0] <= 12 && v[1] <= 31);
    if (lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 2 || lens[2] == 4 && v[2] >= 1900 && v[2] <= 2099)) return dayMonth;
    return lens[0] == 4 && v[0] >= 1900 && v[0] <= 2099 && lens[1] <= 2 && lens[2] <= 2 && v[1] >= 1 && v[2] >= 1
        && (v[1] <= 12 && v[2] <= 31 || v[1] <= 31 && v[2] <= 12);
  }
}
