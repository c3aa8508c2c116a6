package org.redflag.identifier;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.redflag.identifier.NumberWords.*;
import static org.redflag.identifier.PhoneChars.*;

/**
 * Finds phone-number candidates in text, both plainly written ({@code 555-123-4567}) and written to
 * dodge scrapers (digits as words in English, German or Russian, words mixed with digits, a separator
 * between every digit, emoji keycap digits, non-ASCII digits, the letter O for zero). Each candidate
 * has its span in the given text (UTF-16 offsets, {@code text.substring(start, end)} is the surface
 * form), its normalised number (digits only, with a leading {@code +} when written) and the
 * obfuscation {@link Technique}s seen; a candidate with none is a plain number.
 *
 * <p>Hand-written rather than a regular expression because it runs over untrusted advert text in the
 * scoring path: one forward pass over the code points, lookahead bounded by the longest number word,
 * no backtracking, so time is linear in the text length.
 *
 * <p>Rules. A candidate is a run of digit units (a digit, a keycap digit, a number word, a letter O
 * touching a digit) joined by gaps of at most {@value #MAX_GAP} separator chars (space, tab, {@code .
 * - _ * · • | ~ ( )}, no line break; a comma too, right after a number word). Anything else ends it. A digit run glued to something that
 * makes it a quantity rather than part of a number — a letter ({@code 34C}, {@code 23yo}, {@code
 * 10pm}), a currency sign ({@code $80}, {@code 80€}), {@code %}, a quote ({@code 5'6}), or {@code :
 * / ,} between digits ({@code 10:30}, {@code 24/7}, {@code 12/05}, {@code 1,500}) — is not a unit
 * and ends the candidate, and so does a full stop plus space after a run of two or more digits ({@code
 * I'm 23. five …}). Only candidates with {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits are
 * reported, and not counting sequences or one repeated digit ({@code 1 2 3 4 5 6 7}, {@code one one
 * one …}), which are lists, not numbers. Thread-safe and stateless.
 */
public final class PhoneNumberScanner {
  public static final int MIN_DIGITS = 7;
  public static final int MAX_DIGITS = 15;
  /** Longest run of separator chars between two units of one number. */
  public static final int MAX_GAP = 3;
  /** Single separated digits needed for the separator technique (a plain {@code +1 555 …} has one). */
  static final int MIN_SEPARATED_SINGLES = 6;
  /**
   * At most this many number words at one end of an otherwise plainly written number are taken to
   * belong to the surrounding sentence ("555 0123 two girls", "oh 555 0123"), not to the number.
   */
  static final int MAX_STRAY_WORDS = 2;

  private static final PhoneNumberScanner DEFAULT = new PhoneNumberScanner();

  /** An obfuscation technique; {@link #ruleId()} is the stable evidence entry id. */
  public enum Technique {
    DIGITS_AS_WORDS("rule:phone.digits-as-words"),
    MIXED_DIGITS_AND_WORDS("rule:phone.mixed-digits-words"),
    SEPARATOR_EVERY_DIGIT("rule:phone.separator-every-digit"),
    EMOJI_KEYCAP("rule:phone.emoji-keycap"),
    LETTER_O_FOR_ZERO("rule:phone.letter-o-for-zero"),
    NON_ASCII_DIGITS("rule:phone.non-ascii-digits"),
    SYMBOL_SEPARATORS("rule:phone.symbol-separators"),
    LETTERS_FOR_DIGITS("rule:phone.letters-for-digits");

    private final String ruleId;

    Technique(String ruleId) { this.ruleId = ruleId; }

    public String ruleId() { return ruleId; }
  }

  /**
   * One candidate number: span {@code [start, end)} in the scanned text, the normalised number (for
   * linking; hash it before output), and the techniques seen (empty for a plainly written number).
   */
  public record Candidate(int start, int end, String normalised, Set<Technique> techniques) {
    public Candidate {
      Objects.requireNonNull(normalised, "normalised");
      techniques = Sets.immutableEnumSet(techniques);
    }

    /** True when written with at least one obfuscation technique. */
    public boolean obscured() { return !techniques.isEmpty(); }

    public int digitCount() { return normalised.startsWith("+") ? normalised.length() - 1 : normalised.length(); }

    @Override
    public String toString() {
      // Never print the number itself: candidates may end up in logs.
      return "Candidate[" + start + ", " + end + ", " + digitCount() + " digits, " + techniques + "]";
    }
  }

  public static PhoneNumberScanner defaults() { return DEFAULT; }

  /** Scans {@code text}; never throws on any string. */
  public List<Candidate> scan(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return scan(text, false);
  }

  private List<Candidate> scan(CharSequence text, boolean obscuredOnly) {
    return scan(text, obscuredOnly, false);
  }

  /**
   * {@link #scan} with the fast paths off (the skip over ordinary ASCII words and the two-letter
   * filter of the number-word split): the general path every char could take, which the fast paths
   * must agree with ({@code PhoneNumberScannerAgreementProperties}).
   */
  List<Candidate> scanWithoutFastPaths(CharSequence text) { return scan(Objects.requireNonNull(text, "text"), false, true); }

  private List<Candidate> scan(CharSequence text, boolean obscuredOnly, boolean noFastPaths) {
    Scan scan = SCRATCH.get();
    try {
      scan.reset(text).obscuredOnly = obscuredOnly;
      scan.noFastPaths = noFastPaths;
      return scan.run();
    } finally {
      scan.reset(null);
    }
  }

  // Per-thread scan state: its unit arrays and candidate list are reused, not allocated per call, as
  // every advert is scanned. A scan calls out to nothing,
  // so it is never re-entered on a thread, and run() copies the candidates out before returning.
  private static final ThreadLocal<Scan> SCRATCH = ThreadLocal.withInitial(Scan::new);

  /** Only the obscured candidates of {@link #scan}. */
  public List<Candidate> scanObscured(CharSequence text) {
    // the same scan, but plainly written numbers are dropped before their candidate (digit string,
    // technique set) is built: most numbers in adverts are plain (why: AssessBenchmark.assess allocation)
    return scan(Objects.requireNonNull(text, "text"), true);
  }

  private static final byte PLAIN = 0, NON_ASCII = 1, KEYCAP = 2, WORD = 3, LETTER_O = 4, LETTER_DIGIT = 5;

  /** Per-scan state (reused per thread, see SCRATCH): the units of the candidate being built. */
  private static final class Scan {
    // the text's chars, copied once per scan: indexing an array is cheaper than String.charAt through
    // CharSequence (coder check per char), and the scan reads every char about twice
    char[] b = new char[256];
    int n;
    final List<Candidate> out = new ArrayList<>();
    // Units of the current candidate; at most MAX_DIGITS + 1 are kept, beyond that only counted.
    final int[] uStart = new int[MAX_DIGITS + 1];
    final int[] uEnd = new int[MAX_DIGITS + 1];
    final byte[] uKind = new byte[MAX_DIGITS + 1];
    final byte[] uDigit = new byte[MAX_DIGITS + 1];
    final int[] uRunLen = new int[MAX_DIGITS + 1];
    /** The unit comes from a teen or tens word ("sixty": two units). */
    final boolean[] uTens = new boolean[MAX_DIGITS + 1];
    int count;
    boolean obscuredOnly; // emit only candidates with a technique (scanObscured)
    boolean noFastPaths; // scanWithoutFastPaths
    int plusAt = -1;
    int lastEnd = -1;
    /** A symbol separator ({@link PhoneChars#isSymbolSeparator}) was accepted since the last unit. */
    boolean symbolGapOpen;
    /** The open symbol gap has a slash; the gap before the last digit run was such a gap. */
    boolean symbolGapSlash, prevJoinSlash;
    /** Longest digit run of the current candidate. */
    int longestRun;
    /** Index of the zero unit of a tens word the next ones word may fill ("sixty-five"), or -1. */
    int tensZero = -1;

    /** Starts a scan of {@code text} (null: forget the last text). */
    Scan reset(CharSequence text) {
      this.n = text == null ? 0 : text.length();
      if (text != null) {
        if (b.length < n) b = new char[Math.max(n, 2 * b.length)];
        if (text instanceof String str) {
          str.getChars(0, n, b, 0);
        } else {
          for (int i = 0; i < n; i++) b[i] = text.charAt(i);
        }
      } else if (b.length > 1 << 16) {
        b = new char[256]; // do not keep one huge text's buffer per thread
      }
      out.clear();
      count = 0;
      plusAt = -1;
      lastEnd = -1;
      symbolGapOpen = false;
      symbolGapSlash = false;
      prevJoinSlash = false;
      longestRun = 0;
      tensZero = -1;
      return this;
    }

    /** The code point at {@code i} (a lone surrogate stands for itself, as in {@link Character#codePointAt}). */
    int cpAt(int i) {
      char c = b[i];
      if (Character.isHighSurrogate(c) && i + 1 < n) {
        char d = b[i + 1];
        if (Character.isLowSurrogate(d)) return Character.toCodePoint(c, d);
      }
      return c;
    }

    int cpBefore(int i) {
      char c = b[i - 1];
      if (Character.isLowSurrogate(c) && i > 1) {
        char h = b[i - 2];
        if (Character.isHighSurrogate(h)) return Character.toCodePoint(h, c);
      }
      return c;
    }

    List<Candidate> run() {
      int i = 0;
      while (i < n) {
        if (count == 0 && plusAt < 0 && !noFastPaths) {
          i = skipQuiet(i);
          if (i >= n) break;
        }
        int cp = cpAt(i);
        int len = Character.charCount(cp);
        if (digitValue(cp) >= 0) {
          i = digits(i);
        } else if (isWordChar(cp)) {
          i = word(i);
        } else if (cp == '+') {
          flush();
          plusAt = i;
          i += len;
        } else if (isSeparator(cp) || commaAfterNumberWord(cp, i)) {
          if (count > 0 && (i + len - lastEnd > MAX_GAP || endsSentenceAfterNumber(i))) flush();
          i += len;
        } else if (count > 0 && isSymbolSeparator(cp) && lastIsDigitRun()
            && symbolJoinAhead(lastEnd, uRunLen[Math.min(count, uRunLen.length) - 1])) {
          symbolGapOpen = true; // "706$$555$$0139", "555 ! 01 ! 88": the symbols separate groups of one number
          symbolGapSlash |= cp == '/';
          i += len;
        } else {
          flush();
          i += len;
        }
      }
      flush();
      return out.isEmpty() ? ImmutableList.of() : ImmutableList.copyOf(out); // most adverts have none
    }

    /**
     * The first index from {@code i} where the loop of {@link #run} has something to do while no
     * candidate is open ({@code count == 0}, no pending '+'): it skips ASCII white space and
     * punctuation other than '+' (a separator does nothing then, any other char only flushes an empty
     * candidate), and ASCII words that cannot be number words or letter-O zeros: one letter, two that
     * start no number word, or three that start no run of number words (see {@code NumberWords.ASCII_TRIPLES}),
     * and not o, oo, ooo ({@link #word} and {@link #decompose} would reject them). Stops at digits, '+',
     * non-ASCII chars and words running into them.
     * (Why: most of an advert is such text, and the scanner's general path dispatches on every char.)
     */
    int skipQuiet(int i) {
      while (i < n) {
        char c = b[i];
        if (c >= 128) return i;
        byte k = quietClass(c);
        if (k == QUIET_OTHER) {
          i++;
          continue;
        }
        if (k != QUIET_LETTER) return i;
        int j = i + 1;
        while (j < n && b[j] < 128 && quietClass(b[j]) == QUIET_LETTER) j++;
        if (j < n && b[j] >= 128) return i; // the word may go on in another script: the full path decides
        if (j - i == 2 && asciiPair(c, b[i + 1])
            || j - i > 2 && mayStartNumberWords(c, b[i + 1], b[i + 2])
            || lookAlikeDigit(c) >= 0 && isLookAlikes(i, j)
            || j < n && b[j] >= '0' && b[j] <= '9') { // a word glued to a digit may be a number word with digits for letters ("f1ve")
          return i;
        }
        i = j;
      }
      return i;
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
      if (b[i] != '.' || i != lastEnd || count == 0 || count > uKind.length) return false;
      if (uKind[count - 1] != PLAIN || uRunLen[count - 1] < 2) return false;
      return i + 1 < n && Character.isWhitespace(b[i + 1]);
    }

    /** A run of digits starting at {@code i}, or one keycap digit. Returns the index after it. */
    int digits(int i) {
      int first = cpAt(i);
      int afterFirst = i + Character.charCount(first);
      int keycapEnd = keycapEnd(afterFirst);
      if (keycapEnd > 0) {
        add(i, keycapEnd, KEYCAP, digitValue(first), 1);
        return keycapEnd;
      }
      int k = i;
      int runLen = 0;
      while (k < n) {
        int cp = cpAt(k);
        if (digitValue(cp) < 0) break;
        int next = k + Character.charCount(cp);
        if (keycapEnd(next) > 0) break;
        k = next;
        runLen++;
      }
      if (gluedBefore(i, runLen) || gluedAfter(k, runLen)) {
        flush();
        return k;
      }
      int j = i;
      while (j < k) {
        int cp = cpAt(j);
        int next = j + Character.charCount(cp);
        add(j, next, cp < 128 ? PLAIN : NON_ASCII, digitValue(cp), runLen);
        j = next;
      }
      return k;
    }

    /** End of a keycap sequence whose digit ends at {@code i} (optional U+FE0F, then U+20E3), or -1. */
    int keycapEnd(int i) {
      int j = i;
      if (j < n && b[j] == '\uFE0F') j++;
      return j < n && b[j] == '\u20E3' ? j + 1 : -1;
    }

    boolean gluedBefore(int i, int runLen) {
      if (i == 0) return false;
      int cp = cpBefore(i);
      if (i == lastEnd && count > 0 && isLetterKind(uKind[Math.min(count, uKind.length) - 1])) {
        return false; // "five5", "O5": the letter belongs to a unit
      }
      if (symbolGapOpen && count > 0) return false; // run() accepted the symbols before this run as a separator
      if (isWordChar(cp) || isQuantityMark(cp)) return true;
      if (cp == ':' || cp == '/' || cp == ',') {
        int before = i - Character.charCount(cp);
        return before > 0 && digitValue(cpBefore(before)) >= 0;
      }
      return false;
    }

    boolean gluedAfter(int k, int runLen) {
      if (k >= n) return false;
      int cp = cpAt(k);
      if ((isQuantityMark(cp) || cp == '/') && symbolJoinAhead(k, runLen)) return false; // "706$$555", "909/555"
      if (isQuantityMark(cp)) return true;
      if (cp == ':' || cp == '/' || cp == ',') {
        int after = k + Character.charCount(cp);
        return after < n && digitValue(cpAt(after)) >= 0;
      }
      // A letter right after: a unit if it is a number word or letter O, else a quantity (34C, 10pm).
      if (isWordChar(cp)) return !startsUnitWord(k);
      return false;
    }

    /** True when the letter word at {@code k} reads as number words or as letters for digits. */
    boolean startsUnitWord(int k) {
      int end = wordEnd(k);
      if (end - k > MAX_WORD) return false;
      return isLookAlikes(k, end) || decompose(k, end, false)
          || end < n && b[end] >= '0' && b[end] <= '9' && leetWords(k, false) > 0;
    }

    /**
     * Whether the symbol separator gap starting at {@code gapStart}, right after a digit run of
     * {@code runLen} digits, joins it to the next digit run: at most {@value #MAX_GAP} chars of
     * separators and symbols with at least one symbol, only that one char and no white space when a
     * currency sign or quote is among them ("80$ 120$" and "2021-€775" are prices, "706$$555" one
     * number), and on both sides runs of two or
     * more digits, one of them (or an earlier run of the number) of three or more; a quote only after
     * three or more (an inch or foot mark follows one or two). So heights, sizes
     * and dates ({@code 5'6}, {@code 36"-24"}, {@code 12/05}) stay apart. Reads at most MAX_GAP + 3 chars.
     */
    boolean symbolJoinAhead(int gapStart, int runLen) {
      if (runLen < 2) return false;
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
      return slash ? (symbolGapOpen ? symbolGapSlash : prevJoinSlash) : longestRun >= 3;
    }

    /** The last unit of the candidate is a digit of a run of two or more. */
    boolean lastIsDigitRun() {
      int last = Math.min(count, uKind.length) - 1;
      return isDigitKind(uKind[last]) && uRunLen[last] >= 2;
    }

    /** A letter word at {@code i}: number words and letter-O zeros are units, any other word ends the candidate. */
    int word(int i) {
      int end = wordEnd(i);
      if (end - i <= MAX_WORD) {
        boolean touchesDigit = (i == lastEnd && count > 0 && isDigitKind(uKind[Math.min(count, uKind.length) - 1]))
            || (end < n && digitValue(cpAt(end)) >= 0);
        if (touchesDigit && isLookAlikes(i, end)) {
          for (int j = i; j < end; j++) {
            int d = lookAlikeDigit(b[j]);
            add(j, j + 1, d == 0 ? LETTER_O : LETTER_DIGIT, d, 0);
          }
          return end;
        }
        if (decompose(i, end, false)) {
          decompose(i, end, true);
          return end;
        }
        if (end < n && b[end] >= '0' && b[end] <= '9' && leetWords(i, false) > 0) return leetWords(i, true);
      }
      if (i == lastEnd && count > 0 && isDigitKind(uKind[Math.min(count, uKind.length) - 1])) dropTrailingRun();
      flush();
      return end;
    }

    int wordEnd(int i) {
      int k = i;
      while (k < n) {
        char c = b[k];
        if (c < 128) { // ASCII fast path: most advert text
          if (((c | 0x20) < 'a' || (c | 0x20) > 'z')) break;
          k++;
          continue;
        }
        int cp = cpAt(k);
        if (!isWordChar(cp)) break;
        k += Character.charCount(cp);
      }
      return k;
    }

    /** One to four letters each standing for a digit (O for 0, l or I for 1, Cyrillic З for 3). */
    boolean isLookAlikes(int i, int end) {
      if (end - i > 4 || end == i) return false;
      for (int j = i; j < end; j++) if (lookAlikeDigit(b[j]) < 0) return false;
      return true;
    }

    /**
     * Number words written with digits for some of their letters ("f1ve", "s1x", "thr33"): from the
     * letter at {@code i}, words matched longest first where a digit may stand for the letter it looks
     * like (after the word's first char), until a char that is not a letter. Returns the end, or -1
     * when not every letter belongs to such a word or no digit stood for a letter. Adds the units when
     * {@code add}.
     */
    int leetWords(int i, boolean add) {
      int p = i;
      boolean leet = false;
      while (p < n && p - i <= MAX_WORD && isWordChar(b[p])) {
        char ch = b[p];
        int first = firstIndex(ch);
        if (first < 0) return -1;
        String[] words = WORDS_BY_FIRST[first];
        int best = -1, bestLen = 0;
        boolean bestLeet = false;
        for (int k = 0; k < words.length; k++) {
          String w = words[k];
          int l = w.length();
          if (l <= bestLen || p + l > n) continue;
          int m = leetMatch(p, w);
          if (m >= 0) {
            best = VALUES_BY_FIRST[first][k];
            bestLen = l;
            bestLeet = m > 0;
          }
        }
        if (best < 0) return -1;
        if (add) addWord(p, p + bestLen, best);
        leet |= bestLeet;
        p += bestLen;
      }
      return leet ? p : -1;
    }

    /** Whether {@code w} is at {@code p} with digits for some letters: -1 no, else the number of such digits. */
    int leetMatch(int p, String w) {
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
    boolean decompose(int i, int end, boolean add) {
      int p = i;
      int parts = 0;
      while (p < end) {
        char ch = b[p];
        if (p + 1 >= end) return false; // every number word has at least two chars
        char ch2 = b[p + 1];
        if (!noFastPaths && (ch | ch2) < 128 && !asciiPair(ch, ch2)) return false;
        int first = firstIndex(ch);
        if (first < 0) return false;
        String[] words = WORDS_BY_FIRST[first];
        int best = -1, bestLen = 0;
        for (int k = 0; k < words.length; k++) {
          String w = words[k];
          int l = w.length();
          if (l > bestLen && p + l <= end && regionMatches(p, w)) {
            best = VALUES_BY_FIRST[first][k];
            bestLen = l;
          }
        }
        if (best < 0) return false;
        if (add) addWord(p, p + bestLen, best);
        p += bestLen;
        parts++;
      }
      return parts > 0;
    }

    boolean regionMatches(int p, String w) {
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
    void addWord(int start, int end, int value) {
      if (value >= 1 && value <= 9 && tensZero >= 0 && tensZero == count - 1 && tensZero < uStart.length
          && start - lastEnd <= 1 && (start == lastEnd || b[lastEnd] == '-' || b[lastEnd] == ' ')) {
        uDigit[tensZero] = (byte) value;
        uEnd[tensZero] = end;
        lastEnd = end;
        tensZero = -1;
        return;
      }
      if (value < 10) {
        add(start, end, WORD, value, 0);
        return;
      }
      add(start, end, WORD, value / 10, 0);
      add(start, end, WORD, value % 10, 0);
      if (count <= uTens.length) {
        uTens[count - 2] = true;
        uTens[count - 1] = true;
      }
      if (value >= 20) tensZero = count - 1;
    }

    void add(int start, int end, byte kind, int digit, int runLen) {
      if (count > 0 && start - lastEnd > MAX_GAP) flush();
      if (count == 0 && plusAt >= 0 && plusAt + 1 != start) plusAt = -1;
      if (count < uStart.length) {
        uStart[count] = start;
        uEnd[count] = end;
        uKind[count] = kind;
        uDigit[count] = (byte) digit;
        uRunLen[count] = runLen;
        uTens[count] = false;
      }
      if (count > 0 && start != lastEnd) prevJoinSlash = symbolGapOpen && symbolGapSlash;
      count++;
      lastEnd = end;
      symbolGapOpen = false;
      symbolGapSlash = false;
      tensZero = -1;
      if (runLen > longestRun) longestRun = runLen;
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
      if (count >= MIN_DIGITS && count <= uStart.length) {
        int lead = 0, trail = 0;
        while (lead < count && uKind[lead] == WORD) lead++;
        while (trail < count && uKind[count - 1 - trail] == WORD) trail++;
        if (lead < count && trail <= MAX_STRAY_WORDS && count - trail >= MIN_DIGITS && onlyGlyphs(lead, count - trail)
            && lead == 0 && trail > 0) {
          emit(0, count - trail); // "555 0123 two girls": the words start the next sentence
        } else if (lead < count && lead <= MAX_STRAY_WORDS && count - lead >= MIN_DIGITS && trail == 0 && lead > 0
            && onlyGlyphs(lead, count)) {
          emit(lead, count);
        } else if (count <= MAX_DIGITS) {
          emit(0, count);
        }
      }
      count = 0;
      plusAt = -1;
      symbolGapOpen = false;
      symbolGapSlash = false;
      prevJoinSlash = false;
      longestRun = 0;
      tensZero = -1;
    }

    boolean onlyGlyphs(int from, int to) {
      for (int u = from; u < to; u++) if (uKind[u] == WORD) return false;
      return true;
    }

    /**
     * Whether units {@code [from, to)} show no technique: the negation of what {@link #emit} derives
     * (no word, keycap, letter O or non-ASCII unit, and fewer than MIN_SEPARATED_SINGLES single digits).
     */
    boolean plain(int from, int to) {
      int singles = 0;
      for (int u = from; u < to; u++) {
        if (uKind[u] != PLAIN) return false;
        if (uRunLen[u] == 1) singles++;
      }
      return singles < MIN_SEPARATED_SINGLES;
    }

    /** Every unit comes from teen or tens words ("twenty thirty forty fifty"): a list, not a number. */
    boolean onlyTens(int from, int to) {
      for (int u = from; u < to; u++) if (!uTens[u]) return false;
      return true;
    }

    /**
     * How the digit groups of units {@code [from, to)} are separated, when all units are plain digits
     * (words, keycaps and letters carry their own technique): {@link #SYMBOL_GAPS} when some gap is not
     * the way numbers are ordinarily grouped (white space, one {@code - . –}, one {@code /}, brackets
     * round one group) and every group has two or more digits, one of them three or more;
     * {@link #NOT_A_NUMBER} for a date ({@code 12/05/2024}, {@code 2024-05-12}) or,
     * with symbol gaps, a list of round amounts ({@code 100•150•200}, {@code 75*125*175}), else
     * {@link #PLAIN_GAPS}. Runs once per candidate, over its gaps only.
     */
    int gapShape(int from, int to) {
      for (int u = from; u < to; u++) if (!isDigitKind(uKind[u])) return PLAIN_GAPS;
      boolean obscuring = false, parenOpen = false, allEnd0 = true, allEnd05 = true, allShort = true, groupsOk = true;
      int longest = 0, last = 0, beforeLast = 0;
      int slashes = 0, groups = 0, len = 0, value = 0, standard = 0;
      int slashGap = -1;
      boolean slashesMixed = false;
      int symStart = -1, symEnd = -1; // the first symbol gap; every other must be written the same
      boolean mixed = false, bracketFirst = false;
      int symbolGaps = 0;
      char same = 0; // the one separator char of every gap, or '?' when they differ
      int[] lens = groupLens, values = groupValues;
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
        char g = gapChar(gs, ge);
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
          } else if (!sameGap(symStart, symEnd, gs, ge)) {
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
    boolean sameGap(int s1, int e1, int s2, int e2) {
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

    final int[] groupLens = new int[3];
    final int[] groupValues = new int[3];

    /**
     * The gap {@code [s, e)} between two digit groups, white space left out: ' ' when nothing else,
     * the char when it is one of {@code - . / ( )} ({@code ")-"} and {@code ") "} count as ')'), '–' as
     * '-', else '*' (a symbol gap).
     */
    char gapChar(int s, int e) {
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

    void emit(int from, int to) {
      if (to - from > MAX_DIGITS || isCountingOrRepeat(from, to) || onlyTens(from, to)) return;
      int gaps = gapShape(from, to);
      if (gaps == NOT_A_NUMBER) return;
      if (obscuredOnly && gaps == PLAIN_GAPS && plain(from, to)) return;
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
          case LETTER_DIGIT -> t.add(Technique.LETTERS_FOR_DIGITS);
          case NON_ASCII -> { glyphs = true; t.add(Technique.NON_ASCII_DIGITS); }
          default -> glyphs = true;
        }
        if ((uKind[u] == PLAIN || uKind[u] == NON_ASCII || uKind[u] == KEYCAP) && uRunLen[u] == 1) singles++;
      }
      if (words) t.add(glyphs ? Technique.MIXED_DIGITS_AND_WORDS : Technique.DIGITS_AS_WORDS);
      if (singles >= MIN_SEPARATED_SINGLES && !t.contains(Technique.EMOJI_KEYCAP)) {
        t.add(Technique.SEPARATOR_EVERY_DIGIT);
      } else if (gaps == SYMBOL_GAPS) {
        t.add(Technique.SYMBOL_SEPARATORS);
      }
      out.add(new Candidate(start, uEnd[to - 1], num.toString(), t));
    }
  }

  private static final int PLAIN_GAPS = 0, SYMBOL_GAPS = 1, NOT_A_NUMBER = 2;

  /** dd/mm/yyyy, mm/dd/yy, yyyy-mm-dd and the like (three groups of one separator). */
  static boolean isDate(int[] lens, int[] v) {
    boolean dayMonth = v[0] >= 1 && v[1] >= 1 && (v[0] <= 31 && v[1] <= 12 || v[0] <= 12 && v[1] <= 31);
    if (lens[0] <= 2 && lens[1] <= 2 && (lens[2] == 2 || lens[2] == 4 && v[2] >= 1900 && v[2] <= 2099)) return dayMonth;
    return lens[0] == 4 && v[0] >= 1900 && v[0] <= 2099 && lens[1] <= 2 && lens[2] <= 2 && v[1] >= 1 && v[2] >= 1
        && (v[1] <= 12 && v[2] <= 31 || v[1] <= 31 && v[2] <= 12);
  }

  static boolean isLetterKind(byte kind) { return kind == WORD || kind == LETTER_O || kind == LETTER_DIGIT; }

  static boolean isDigitKind(byte kind) { return kind == PLAIN || kind == NON_ASCII; }
}
