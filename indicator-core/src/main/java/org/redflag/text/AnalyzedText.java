package org.redflag.text;

/**
 * The normalised form of one original string, with a map from every normalised char back to the
 * UTF-16 range of the original text it came from. Matching runs over {@link #charAt(int)}; evidence is
 * reported through {@link #originalStart(int)} and {@link #originalEnd(int)} so that
 * {@code original().substring(originalStart(s), originalEnd(e))} is the matched surface form.
 *
 * <p>Offset-map guarantees: for every {@code 0 <= s < e <= length()},
 * {@code 0 <= originalStart(s) < originalEnd(e) <= original().length()}, both are code point boundaries
 * of the original, and both are monotone (non-decreasing) in their argument.
 *
 * <p>Word structure: the pipeline removes white space and in-word separators between letters (so
 * {@code new in town}, {@code n e w i n t o w n} and {@code new-in-town} all read {@code newintown}) but
 * records where word boundaries were: {@link #boundaryBefore(int)}. A spaced-out run of single letters
 * ({@code n.e.w}) is one word. {@link #wordsBetween(int, int)} and {@link #sameClause(int, int)} answer
 * in O(1) from word and clause ordinals built in one linear pass when first needed (most adverts never
 * ask, and writing two ordinals per char in the pipeline's joining pass would cost every advert two
 * writes per char); until then, questions about short ranges are answered by
 * walking the range, with the same answers.
 *
 * <p>An instance from {@link TextPipeline#analyze(String)} is never changed afterwards. An instance made
 * by {@link #reusable()} is refilled by each {@link TextPipeline#analyze(String, AnalyzedText)} call and
 * must be used by one thread, for one advert at a time.
 */
public final class AnalyzedText {
  static final byte FLAG_BOUNDARY = 1; // a word boundary (removed space or separator) precedes this char
  static final byte FLAG_CLAUSE = 2;   // a removed line break precedes this char
  /**
   * ends[i] holds this char's original end; without the flag the end is starts[i] + 1 (one source
   * char), which is most chars, so the pipeline's ASCII path writes neither the end nor the flag.
   */
  static final byte FLAG_WIDE = 4;
  /** Internal to the pipeline: a separator inside a spaced-out word (n.e.w) was removed before this char. */
  static final byte FLAG_SPACED = 8;
  /** This char stands for a run of two or more of the same letter ({@code WordShape}). */
  static final byte FLAG_REPEAT = 16;

  String original = "";
  char[] chars;
  int[] starts;
  int[] ends;
  byte[] flags;
  int[] wordOrd;   // number of word starts at positions <= i (valid once ordinalsReady)
  int[] clauseOrd; // number of clause breaks at positions <= i (valid once ordinalsReady)
  int length;
  /**
   * Whether wordOrd/clauseOrd describe the current text. Volatile and set last by the synchronized
   * {@link #buildOrdinals()}, so a text from {@link TextPipeline#analyze(String)} stays safe to share
   * between threads although its ordinals are filled in on first use.
   */
  volatile boolean ordinalsReady;

  AnalyzedText(int capacity) {
    chars = new char[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    flags = new byte[capacity];
    wordOrd = new int[capacity];
    clauseOrd = new int[capacity];
  }

  /** An empty instance whose buffers {@link TextPipeline#analyze(String, AnalyzedText)} reuses. */
  public static AnalyzedText reusable() { return new AnalyzedText(256); }

  /** The text as given by the caller. */
  public String original() { return original; }

  /** Number of normalised chars. */
  public int length() { return length; }

  /** Normalised char at {@code i}, {@code 0 <= i < length()}. */
  public char charAt(int i) {
    if (i < 0 || i >= length) throw new IndexOutOfBoundsException("index " + i + ", length " + length);
    return chars[i];
  }

  /**
   * Copies normalised chars {@code [from, to)} into {@code dst} at {@code at}, as {@link String#getChars}
   * does (for scanners that read a block at a time).
   */
  public void getChars(int from, int to, char[] dst, int at) {
    checkRange(from, to);
    if (from > to) throw new IndexOutOfBoundsException("range [" + from + ", " + to + ")");
    System.arraycopy(chars, from, dst, at, to - from);
  }

  /** Original UTF-16 index where the source of normalised char {@code i} starts. */
  public int originalStart(int i) {
    if (i < 0 || i >= length) throw new IndexOutOfBoundsException("index " + i + ", length " + length);
    return starts[i];
  }

  /**
   * Original UTF-16 index (exclusive) where the source of the normalised range ending at
   * {@code normEnd} (exclusive) ends.
   */
  public int originalEnd(int normEnd) {
    if (normEnd <= 0 || normEnd > length) throw new IndexOutOfBoundsException("end " + normEnd + ", length " + length);
    return end(normEnd - 1);
  }

  /**
   * Whether a word boundary lies between normalised chars {@code i - 1} and {@code i}: at either end of
   * the text, next to a char that is not a letter or digit, or where a space or separator was removed.
   */
  public boolean boundaryBefore(int i) {
    if (i <= 0 || i >= length) return true;
    return (flags[i] & FLAG_BOUNDARY) != 0 || !CharClass.isWord(chars[i - 1]) || !CharClass.isWord(chars[i]);
  }

  /**
   * Whether normalised char {@code i} stands for a run of two or more of the same letter in the original
   * ({@code reaaal} is read {@code real}, its {@code a} marked): a pattern's marked char matches only a
   * marked char of the text.
   */
  public boolean repeated(int i) {
    if (i < 0 || i >= length) throw new IndexOutOfBoundsException("index " + i + ", length " + length);
    return (flags[i] & FLAG_REPEAT) != 0;
  }

  /** Whether the pipeline removed a line break right before normalised char {@code i} (between two letters): a clause ends there. */
  public boolean lineBreakBefore(int i) {
    if (i < 0 || i >= length) throw new IndexOutOfBoundsException("index " + i + ", length " + length);
    return (flags[i] & FLAG_CLAUSE) != 0;
  }

  /** Original end (exclusive) of the source of normalised char {@code i} (no range check). */
  int end(int i) { return (flags[i] & FLAG_WIDE) != 0 ? ends[i] : starts[i] + 1; }

  /** Number of words that start at normalised positions in {@code [from, to)}. */
  public int wordsBetween(int from, int to) {
    if (to <= from) return 0;
    checkRange(from, to);
    if (!ordinalsReady) {
      if (walkLocally(to - from)) return wordStarts(from, to);
      buildOrdinals();
    }
    return wordOrd[to - 1] - (from == 0 ? 0 : wordOrd[from - 1]);
  }

  /** Whether normalised positions {@code a <= b} lie in the same clause (no , . ; : ! ? or line break between). */
  public boolean sameClause(int a, int b) {
    if (a > b) { int t = a; a = b; b = t; }
    checkRange(a, b + 1);
    if (!ordinalsReady) {
      if (walkLocally(b - a)) return noClauseBreak(a, b);
      buildOrdinals();
    }
    return clauseOrd[a] == clauseOrd[b];
  }

  /**
   * {@code wordsBetween(from, to) < limit}. Before the ordinals are built, walks back from {@code to}
   * and stops at the {@code limit}-th word start, so a far-away {@code from} costs no more than a near
   * one (see {@link #nearInClause}).
   */
  public boolean fewerWordsThan(int from, int to, int limit) {
    if (to <= from) return limit > 0;
    checkRange(from, to);
    if (!ordinalsReady) {
      int r = walkBack(from, to, limit, false);
      if (r >= 0) return r == 1;
    }
    return wordsBetween(from, to) < limit;
  }

  /**
   * {@code sameClause(from - 1, to) && wordsBetween(from, to) < limit} for {@code 0 < from <= to}:
   * whether what ends at {@code from} is at most {@code limit - 1} words before {@code to}, in its
   * clause (a negation cue before a match). Before the ordinals are built it walks back from {@code to},
   * stopping at a clause break or the {@code limit}-th word start: most cues of an advert are far from
   * a given match, and the ordinals read the whole text.
   */
  public boolean nearInClause(int from, int to, int limit) {
    if (from <= 0 || from > to) throw new IndexOutOfBoundsException("range [" + from + ", " + to + "]");
    checkRange(from - 1, to + 1);
    if (!ordinalsReady) {
      int r = walkBack(from, to, limit, true);
      if (r >= 0) return r == 1;
    }
    return sameClause(from - 1, to) && wordsBetween(from, to) < limit;
  }

  /**
   * Walks back from {@code to} to {@code from}, counting the word starts in {@code [from, to)} as
   * {@link #wordStarts} does and, when {@code clause}, looking for a clause break at {@code from .. to}
   * as {@link #noClauseBreak} does. 1 when the range has fewer than {@code limit} word starts (and no
   * clause break), 0 when not, -1 when undecided after {@link #MAX_WALK} chars (the caller asks the
   * ordinals then). Reads the chars as the ordinals describe them: call only while they are not built.
   */
  private int walkBack(int from, int to, int limit, boolean clause) {
    if (limit <= 0) return 0;
    char[] c = chars;
    byte[] fl = flags;
    int stop = Math.max(from, to - MAX_WALK);
    if (clause && ((fl[to] & FLAG_CLAUSE) != 0 || CharClass.isClauseBreak(c[to]))) return 0;
    int words = 0;
    for (int i = to - 1; i >= stop; i--) {
      char x = c[i];
      if (clause && ((fl[i] & FLAG_CLAUSE) != 0 || CharClass.isClauseBreak(x))) return 0;
      if (CharClass.isWord(x) && (i == 0 || !CharClass.isWord(c[i - 1]) || (fl[i] & FLAG_BOUNDARY) != 0) && ++words >= limit) {
        return 0;
      }
    }
    return stop == from ? 1 : -1;
  }

  // Short questions before the ordinals exist are answered by walking the range: negation and gap
  // checks ask about a few words near a match, and building the ordinals reads the whole text. The
  // walks count what
  // buildOrdinals counts, on the same chars: ordinals are built before the pipeline changes chars after
  // joining, so while they are not built the chars are those they describe. Walks of one text read at
  // most about as many chars as building would, then the ordinals are built. The walk counter is only a
  // cost heuristic: on a shared text, racing updates of it change no answer.
  private static final int MAX_WALK = 64;
  private String walkedText; // the text walkedChars counts for (identity)
  private int walkedChars;

  private boolean walkLocally(int span) {
    if (span > MAX_WALK) return false;
    if (walkedText != original) {
      walkedText = original;
      walkedChars = 0;
    }
    if (walkedChars + span > length) return false;
    walkedChars += span;
    return true;
  }

  /** wordOrd[to - 1] - wordOrd[from - 1] (0 for from == 0) without the ordinals: the word starts in [from, to). */
  int wordStarts(int from, int to) {
    char[] c = chars;
    byte[] fl = flags;
    boolean prevWord = from > 0 && CharClass.isWord(c[from - 1]);
    int words = 0;
    for (int i = from; i < to; i++) {
      boolean word = CharClass.isWord(c[i]);
      if (word && (!prevWord || (fl[i] & FLAG_BOUNDARY) != 0)) words++;
      prevWord = word;
    }
    return words;
  }

  /** clauseOrd[a] == clauseOrd[b] without the ordinals: no clause break at positions a + 1 .. b. */
  boolean noClauseBreak(int a, int b) {
    char[] c = chars;
    byte[] fl = flags;
    for (int i = a + 1; i <= b; i++) if ((fl[i] & FLAG_CLAUSE) != 0 || CharClass.isClauseBreak(c[i])) return false;
    return true;
  }

  /**
   * Fills wordOrd and clauseOrd from the chars and boundary flags: a word starts at a word char after a
   * recorded boundary or a non-word char; a clause break is a removed line break or a clause-ending char.
   * The pipeline calls this itself before it changes chars after joining (see TextPipeline.analyze).
   */
  synchronized void buildOrdinals() {
    if (ordinalsReady) return;
    char[] c = chars;
    byte[] fl = flags;
    int[] wo = wordOrd;
    int[] co = clauseOrd;
    int words = 0;
    int clauses = 0;
    boolean prevWord = false;
    for (int i = 0, n = length; i < n; i++) {
      char x = c[i];
      byte f = fl[i];
      boolean word = CharClass.isWord(x);
      if (word && (!prevWord || (f & FLAG_BOUNDARY) != 0)) words++;
      if ((f & FLAG_CLAUSE) != 0 || CharClass.isClauseBreak(x)) clauses++;
      wo[i] = words;
      co[i] = clauses;
      prevWord = word;
    }
    ordinalsReady = true;
  }

  private void checkRange(int from, int to) {
    if (from < 0 || to > length) throw new IndexOutOfBoundsException("range [" + from + ", " + to + "), length " + length);
  }

  /** The normalised text as a string (allocates; for tests and diagnostics). */
  public String normalized() { return new String(chars, 0, length); }

  void ensureCapacity(int needed) {
    if (needed <= chars.length) return;
    int cap = Math.max(needed, chars.length + (chars.length >> 1) + 16);
    chars = java.util.Arrays.copyOf(chars, cap);
    starts = java.util.Arrays.copyOf(starts, cap);
    ends = java.util.Arrays.copyOf(ends, cap);
    flags = java.util.Arrays.copyOf(flags, cap);
    wordOrd = new int[cap];
    clauseOrd = new int[cap];
  }
}
