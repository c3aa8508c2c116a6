package org.redflag.identifier;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.redflag.identifier.PhoneNumberScanner.Candidate;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/**
 * Test oracle: the scanner as it was before its char-array rewrite (String.charAt through CharSequence),
 * kept verbatim so {@code PhoneNumberScannerAgreementProperties} can check that the fast scanner finds
 * exactly the same candidates. Not used by production code. Its number-word tables, limits and char
 * classes are the production ones (the rewrite did not change them).
 */
final class ReferencePhoneNumberScanner {
  static final ReferencePhoneNumberScanner DEFAULT = new ReferencePhoneNumberScanner();

  /** Scans {@code text}; never throws on any string. */
  public List<Candidate> scan(CharSequence text) {
    Objects.requireNonNull(text, "text");
    Scan scan = SCRATCH.get();
    try {
      return scan.reset(text).run();
    } finally {
      scan.reset(null);
    }
  }

  // Per-thread scan state: its unit arrays and candidate list were allocated per call, about 8% of the
  // bytes allocated per advert (JFR profile of AssessBenchmark.assess). A scan calls out to nothing,
  // so it is never re-entered on a thread, and run() copies the candidates out before returning.
  private static final ThreadLocal<Scan> SCRATCH = ThreadLocal.withInitial(Scan::new);

  /** Only the obscured candidates of {@link #scan}. */
  public List<Candidate> scanObscured(CharSequence text) {
    List<Candidate> all = scan(text);
    List<Candidate> out = new ArrayList<>(all.size());
    for (Candidate c : all) if (c.obscured()) out.add(c);
    return ImmutableList.copyOf(out);
  }

  private static final byte PLAIN = 0, NON_ASCII = 1, KEYCAP = 2, WORD = 3, LETTER_O = 4;

  /** Per-scan state (reused per thread, see SCRATCH): the units of the candidate being built. */
  private static final class Scan {
    CharSequence s;
    int n;
    final List<Candidate> out = new ArrayList<>();
    // Units of the current candidate; at most PhoneNumberScanner.MAX_DIGITS + 1 are kept, beyond that only counted.
    final int[] uStart = new int[PhoneNumberScanner.MAX_DIGITS + 1];
    final int[] uEnd = new int[PhoneNumberScanner.MAX_DIGITS + 1];
    final byte[] uKind = new byte[PhoneNumberScanner.MAX_DIGITS + 1];
    final byte[] uDigit = new byte[PhoneNumberScanner.MAX_DIGITS + 1];
    final int[] uRunLen = new int[PhoneNumberScanner.MAX_DIGITS + 1];
    int count;
    int plusAt = -1;
    int lastEnd = -1;

    /** Starts a scan of {@code text} (null: forget the last text). */
    Scan reset(CharSequence text) {
      this.s = text;
      this.n = text == null ? 0 : text.length();
      out.clear();
      count = 0;
      plusAt = -1;
      lastEnd = -1;
      return this;
    }

    List<Candidate> run() {
      int i = 0;
      while (i < n) {
        int cp = Character.codePointAt(s, i);
        int len = Character.charCount(cp);
        if (PhoneNumberScanner.digitValue(cp) >= 0) {
          i = digits(i);
        } else if (PhoneNumberScanner.isWordChar(cp)) {
          i = word(i);
        } else if (cp == '+') {
          flush();
          plusAt = i;
          i += len;
        } else if (PhoneNumberScanner.isSeparator(cp) || commaAfterNumberWord(cp, i)) {
          if (count > 0 && (i + len - lastEnd > PhoneNumberScanner.MAX_GAP || endsSentenceAfterNumber(i))) flush();
          i += len;
        } else {
          flush();
          i += len;
        }
      }
      flush();
      return ImmutableList.copyOf(out);
    }

    /**
     * "five five five, zero one two three": a comma right after a number word groups the words of one
     * number. After digits a comma stays a terminator ({@code 1,500}, lists of prices and ages).
     */
    boolean commaAfterNumberWord(int cp, int i) {
      return cp == ',' && count > 0 && i == lastEnd && uKind[Math.min(count, uKind.length) - 1] == WORD;
    }

    /**
     * "I'm 23. Five five …": a full stop and a space right after a run of two or more plain digits
     * ends a sentence, not a number group (a phone group written so would have no space after it).
     */
    boolean endsSentenceAfterNumber(int i) {
      if (s.charAt(i) != '.' || i != lastEnd || count == 0 || count > uKind.length) return false;
      if (uKind[count - 1] != PLAIN || uRunLen[count - 1] < 2) return false;
      return i + 1 < n && Character.isWhitespace(s.charAt(i + 1));
    }

    /** A run of digits starting at {@code i}, or one keycap digit. Returns the index after it. */
    int digits(int i) {
      int first = Character.codePointAt(s, i);
      int afterFirst = i + Character.charCount(first);
      int keycapEnd = keycapEnd(afterFirst);
      if (keycapEnd > 0) {
        add(i, keycapEnd, KEYCAP, PhoneNumberScanner.digitValue(first), 1);
        return keycapEnd;
      }
      int k = i;
      int runLen = 0;
      while (k < n) {
        int cp = Character.codePointAt(s, k);
        if (PhoneNumberScanner.digitValue(cp) < 0) break;
        int next = k + Character.charCount(cp);
        if (keycapEnd(next) > 0) break;
        k = next;
        runLen++;
      }
      if (gluedBefore(i) || gluedAfter(k)) {
        flush();
        return k;
      }
      int j = i;
      while (j < k) {
        int cp = Character.codePointAt(s, j);
        int next = j + Character.charCount(cp);
        add(j, next, cp < 128 ? PLAIN : NON_ASCII, PhoneNumberScanner.digitValue(cp), runLen);
        j = next;
      }
      return k;
    }

    /** End of a keycap sequence whose digit ends at {@code i} (optional U+FE0F, then U+20E3), or -1. */
    int keycapEnd(int i) {
      int j = i;
      if (j < n && s.charAt(j) == '\uFE0F') j++;
      return j < n && s.charAt(j) == '\u20E3' ? j + 1 : -1;
    }

    boolean gluedBefore(int i) {
      if (i == 0) return false;
      int cp = Character.codePointBefore(s, i);
      if (i == lastEnd && count > 0 && (uKind[Math.min(count, uKind.length) - 1] == WORD
          || uKind[Math.min(count, uKind.length) - 1] == LETTER_O)) {
        return false; // "five5", "O5": the letter belongs to a unit
      }
      if (PhoneNumberScanner.isWordChar(cp) || PhoneNumberScanner.isQuantityMark(cp)) return true;
      if (cp == ':' || cp == '/' || cp == ',') {
        int before = i - Character.charCount(cp);
        return before > 0 && PhoneNumberScanner.digitValue(Character.codePointBefore(s, before)) >= 0;
      }
      return false;
    }

    boolean gluedAfter(int k) {
      if (k >= n) return false;
      int cp = Character.codePointAt(s, k);
      if (PhoneNumberScanner.isQuantityMark(cp)) return true;
      if (cp == ':' || cp == '/' || cp == ',') {
        int after = k + Character.charCount(cp);
        return after < n && PhoneNumberScanner.digitValue(Character.codePointAt(s, after)) >= 0;
      }
      // A letter right after: a unit if it is a number word or letter O, else a quantity (34C, 10pm).
      if (PhoneNumberScanner.isWordChar(cp)) return !startsUnitWord(k);
      return false;
    }

    /** True when the letter word at {@code k} reads as number words or as letter-O zeros. */
    boolean startsUnitWord(int k) {
      int end = wordEnd(k);
      if (end - k > PhoneNumberScanner.MAX_WORD) return false;
      return isLetterOs(k, end) || decompose(k, end, false);
    }

    /** A letter word at {@code i}: number words and letter-O zeros are units, any other word ends the candidate. */
    int word(int i) {
      int end = wordEnd(i);
      if (end - i <= PhoneNumberScanner.MAX_WORD) {
        boolean touchesDigit = (i == lastEnd && count > 0 && PhoneNumberScanner.isDigitKind(uKind[Math.min(count, uKind.length) - 1]))
            || (end < n && PhoneNumberScanner.digitValue(Character.codePointAt(s, end)) >= 0);
        if (touchesDigit && isLetterOs(i, end)) {
          for (int j = i; j < end; j++) add(j, j + 1, LETTER_O, 0, 0);
          return end;
        }
        if (decompose(i, end, true)) return end;
      }
      if (i == lastEnd && count > 0 && PhoneNumberScanner.isDigitKind(uKind[Math.min(count, uKind.length) - 1])) dropTrailingRun();
      flush();
      return end;
    }

    int wordEnd(int i) {
      int k = i;
      while (k < n) {
        int cp = Character.codePointAt(s, k);
        if (!PhoneNumberScanner.isWordChar(cp)) break;
        k += Character.charCount(cp);
      }
      return k;
    }

    boolean isLetterOs(int i, int end) {
      if (end - i > 3) return false;
      for (int j = i; j < end; j++) {
        char c = s.charAt(j);
        if (c != 'o' && c != 'O' && c != '\u043E' && c != '\u041E') return false;
      }
      return true;
    }

    /**
     * Splits {@code [i, end)} into number words, longest first at each position (no backtracking:
     * the word lists have no prefix ambiguity that needs it). Adds the units when {@code add}.
     */
    boolean decompose(int i, int end, boolean add) {
      int p = i;
      int parts = 0;
      while (p < end) {
        int first = PhoneNumberScanner.FIRST_LETTERS.indexOf(Character.toLowerCase(s.charAt(p)));
        if (first < 0) return false;
        String[] words = PhoneNumberScanner.WORDS_BY_FIRST[first];
        int best = -1, bestLen = 0;
        for (int k = 0; k < words.length; k++) {
          String w = words[k];
          int l = w.length();
          if (l > bestLen && p + l <= end && regionMatches(p, w)) {
            best = PhoneNumberScanner.DIGITS_BY_FIRST[first][k];
            bestLen = l;
          }
        }
        if (best < 0) return false;
        if (add) add(p, p + bestLen, WORD, best, 0);
        p += bestLen;
        parts++;
      }
      return parts > 0;
    }

    boolean regionMatches(int p, String w) {
      for (int j = 0; j < w.length(); j++) {
        char a = s.charAt(p + j), b = w.charAt(j);
        if (a != b && Character.toLowerCase(a) != b) return false;
      }
      return true;
    }

    void add(int start, int end, byte kind, int digit, int runLen) {
      if (count > 0 && start - lastEnd > PhoneNumberScanner.MAX_GAP) flush();
      if (count == 0 && plusAt >= 0 && plusAt + 1 != start) plusAt = -1;
      if (count < uStart.length) {
        uStart[count] = start;
        uEnd[count] = end;
        uKind[count] = kind;
        uDigit[count] = (byte) digit;
        uRunLen[count] = runLen;
      }
      count++;
      lastEnd = end;
    }

    /** Removes the digit run the candidate ends with (it is glued to a following word: 34C, 10pm). */
    /** "1 2 3 4 5 6 7", "one one one …", "9 8 7 …": counting or a repeated digit, not a phone number. */
    boolean isCountingOrRepeat(int from, int to) {
      int step = Math.floorMod(uDigit[from + 1] - uDigit[from], 10);
      if (step != 0 && step != 1 && step != 9) return false;
      for (int u = from + 2; u < to; u++) if (Math.floorMod(uDigit[u] - uDigit[u - 1], 10) != step) return false;
      return true;
    }

    void dropTrailingRun() {
      if (count > uStart.length) return; // overflowing candidate is rejected anyway
      int last = count - 1;
      int runLen = uRunLen[last];
      count = Math.max(0, count - Math.max(runLen, 1));
      lastEnd = count > 0 ? uEnd[count - 1] : -1;
    }

    void flush() {
      if (count >= PhoneNumberScanner.MIN_DIGITS && count <= uStart.length) {
        int lead = 0, trail = 0;
        while (lead < count && uKind[lead] == WORD) lead++;
        while (trail < count && uKind[count - 1 - trail] == WORD) trail++;
        if (lead < count && trail <= PhoneNumberScanner.MAX_STRAY_WORDS && count - trail >= PhoneNumberScanner.MIN_DIGITS && onlyGlyphs(lead, count - trail)
            && lead == 0 && trail > 0) {
          emit(0, count - trail); // "555 0123 two girls": the words start the next sentence
        } else if (lead < count && lead <= PhoneNumberScanner.MAX_STRAY_WORDS && count - lead >= PhoneNumberScanner.MIN_DIGITS && trail == 0 && lead > 0
            && onlyGlyphs(lead, count)) {
          emit(lead, count);
        } else if (count <= PhoneNumberScanner.MAX_DIGITS) {
          emit(0, count);
        }
      }
      count = 0;
      plusAt = -1;
    }

    boolean onlyGlyphs(int from, int to) {
      for (int u = from; u < to; u++) if (uKind[u] == WORD) return false;
      return true;
    }

    void emit(int from, int to) {
      if (to - from > PhoneNumberScanner.MAX_DIGITS || isCountingOrRepeat(from, to)) return;
      EnumSet<Technique> t = EnumSet.noneOf(Technique.class);
      boolean words = false, glyphs = false;
      int singles = 0;
      StringBuilder num = new StringBuilder(to - from + 1);
      int start = uStart[from];
      if (plusAt >= 0 && plusAt + 1 == start) {
        num.append('+');
        start = plusAt;
      }
      for (int u = from; u < to; u++) {
        num.append((char) ('0' + uDigit[u]));
        switch (uKind[u]) {
          case WORD -> words = true;
          case KEYCAP -> { glyphs = true; t.add(Technique.EMOJI_KEYCAP); }
          case LETTER_O -> t.add(Technique.LETTER_O_FOR_ZERO);
          case NON_ASCII -> { glyphs = true; t.add(Technique.NON_ASCII_DIGITS); }
          default -> glyphs = true;
        }
        if ((uKind[u] == PLAIN || uKind[u] == NON_ASCII || uKind[u] == KEYCAP) && uRunLen[u] == 1) singles++;
      }
      if (words) t.add(glyphs ? Technique.MIXED_DIGITS_AND_WORDS : Technique.DIGITS_AS_WORDS);
      if (singles >= PhoneNumberScanner.MIN_SEPARATED_SINGLES && !t.contains(Technique.EMOJI_KEYCAP)) t.add(Technique.SEPARATOR_EVERY_DIGIT);
      out.add(new Candidate(start, uEnd[to - 1], num.toString(), t));
    }
  }
}
