package org.redflag.identifier;

import static org.redflag.identifier.PhoneChars.QUIET_LETTER;
import static org.redflag.identifier.PhoneChars.QUIET_OTHER;
import static org.redflag.identifier.PhoneChars.digitValue;
import static org.redflag.identifier.PhoneChars.isSeparator;
import static org.redflag.identifier.PhoneChars.isSymbolSeparator;
import static org.redflag.identifier.PhoneChars.isWordChar;
import static org.redflag.identifier.PhoneChars.lookAlikeDigit;
import static org.redflag.identifier.PhoneChars.quietClass;
import static org.redflag.identifier.PhoneNumberScanner.MAX_DIGITS;
import static org.redflag.identifier.PhoneNumberScanner.MAX_GAP;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.redflag.identifier.PhoneNumberScanner.Candidate;

/**
 * One scan of {@link PhoneNumberScanner}: the text's chars, the units (digits, number words,
 * look-alike letters) of the candidate being built, and the forward pass that dispatches each char to
 * the reader of its kind. Reused per thread (see {@link #scan}), so a scan allocates only the
 * candidates it reports.
 *
 * <p>The rooms: {@link PhoneReader} reads digit runs and keycaps, {@link PhoneWordReader} letter words
 * (number words, look-alike letters, digits for letters), {@link PhoneJoins} decides whether the chars
 * between two runs join them into one number, {@link PhoneCandidates} turns the units into candidates
 * when the number ends, with {@link PhoneGapShape} and {@link PhoneTechniques}.
 */
final class PhoneScan {
  /** Unit kinds: an ASCII digit, another script's digit, a keycap digit, from a number word, a letter O for 0, another look-alike letter. */
  static final byte PLAIN = 0, NON_ASCII = 1, KEYCAP = 2, WORD = 3, LETTER_O = 4, LETTER_DIGIT = 5;

  static boolean isLetterKind(byte kind) { return kind == WORD || kind == LETTER_O || kind == LETTER_DIGIT; }

  static boolean isDigitKind(byte kind) { return kind == PLAIN || kind == NON_ASCII; }

  // Per-thread scan state: its unit arrays and candidate list are reused, not allocated per call, as
  // every advert is scanned. A scan calls out to nothing,
  // so it is never re-entered on a thread, and run() copies the candidates out before returning.
  private static final ThreadLocal<PhoneScan> SCRATCH = ThreadLocal.withInitial(PhoneScan::new);

  /**
   * This thread's {@link ContactScanner} tokens: they live in the phone scan's per-thread state so the
   * identifier scan keeps one ThreadLocal. The two scans use disjoint fields and neither calls the other.
   */
  static ContactTokens contactTokens() { return SCRATCH.get().contactTokens; }

  private final ContactTokens contactTokens = new ContactTokens();

  /** Scans {@code text} with this thread's scan state. */
  static List<Candidate> scan(CharSequence text, boolean obscuredOnly, boolean noFastPaths) {
    PhoneScan scan = SCRATCH.get();
    try {
      scan.reset(text).obscuredOnly = obscuredOnly;
      scan.noFastPaths = noFastPaths;
      return scan.run();
    } finally {
      scan.reset(null);
    }
  }

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
  /** Scratch of {@link PhoneGapShape}: lengths and values of the first three digit groups. */
  final int[] groupLens = new int[3];
  final int[] groupValues = new int[3];

  /** Starts a scan of {@code text} (null: forget the last text). */
  PhoneScan reset(CharSequence text) {
    this.n = text == null ? 0 : text.length();
    if (text != null) {
      if (b.length < n) b = new char[Math.max(n, 2 * b.length)];
      // a String copies its chars in one call; any other CharSequence (CharBuffer, StringBuilder) char
      // by char (Java 17 has no CharSequence.getChars)
      if (text instanceof String str) {
        str.getChars(0, n, b, 0);
      } else {
        for (int i = 0; i < n; i++) b[i] = text.charAt(i);
      }
    } else if (b.length > 1 << 16) {
      b = new char[256]; // do not keep one huge text's buffer per thread
    }
    out.clear();
    lastEnd = -1;
    clearCandidate();
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

  /** Kind of the last unit of the candidate ({@code count > 0}). */
  byte lastKind() { return uKind[Math.min(count, uKind.length) - 1]; }

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
        i = PhoneReader.digits(this, i);
      } else if (isWordChar(cp)) {
        i = PhoneWordReader.word(this, i);
      } else if (cp == '+') {
        flush();
        plusAt = i;
        i += len;
      } else if (isSeparator(cp) || PhoneJoins.commaAfterNumberWord(this, cp, i)) {
        if (count > 0 && (i + len - lastEnd > MAX_GAP || PhoneJoins.endsSentenceAfterNumber(this, i))) flush();
        i += len;
      } else if (count > 0 && isSymbolSeparator(cp) && PhoneJoins.lastIsDigitRun(this)
          && PhoneJoins.symbolJoinAhead(this, lastEnd, uRunLen[Math.min(count, uRunLen.length) - 1])) {
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
   * start no number word, or three that start no run of number words (see {@code
   * NumberWords.ASCII_TRIPLES}), and not o, oo, ooo ({@link PhoneWordReader#word} would reject them).
   * Stops at digits, '+', non-ASCII chars and words running into them.
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
      if (j - i == 2 && NumberWords.asciiPair(c, b[i + 1])
          || j - i > 2 && NumberWords.mayStartNumberWords(c, b[i + 1], b[i + 2])
          || lookAlikeDigit(c) >= 0 && PhoneWordReader.isLookAlikes(this, i, j)
          || j < n && b[j] >= '0' && b[j] <= '9') { // a word glued to a digit may be a number word with digits for letters ("f1ve")
        return i;
      }
      i = j;
    }
    return i;
  }

  /** Appends a unit to the candidate, first ending the candidate when the gap before it is too long. */
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
  void dropTrailingRun() {
    if (count > uStart.length) return; // overflowing candidate is rejected anyway
    int last = count - 1;
    int runLen = uRunLen[last];
    count = Math.max(0, count - Math.max(runLen, 1));
    lastEnd = count > 0 ? uEnd[count - 1] : -1;
  }

  /** Ends the candidate: reports it if it is a number ({@link PhoneCandidates#collect}), then starts afresh. */
  void flush() {
    PhoneCandidates.collect(this);
    clearCandidate();
  }

  /** Forgets the candidate's units and gap state; {@link #lastEnd} stays, for the glue rules after it. */
  private void clearCandidate() {
    count = 0;
    plusAt = -1;
    symbolGapOpen = false;
    symbolGapSlash = false;
    prevJoinSlash = false;
    longestRun = 0;
    tensZero = -1;
  }
}
