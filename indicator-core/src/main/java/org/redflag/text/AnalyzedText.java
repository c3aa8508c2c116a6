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
 * in O(1) from ordinals the pipeline computed in its pass.
 *
 * <p>An instance from {@link TextPipeline#analyze(String)} is never changed afterwards. An instance made
 * by {@link #reusable()} is refilled by each {@link TextPipeline#analyze(String, AnalyzedText)} call and
 * must be used by one thread, for one advert at a time.
 */
public final class AnalyzedText {
  static final byte FLAG_BOUNDARY = 1; // a word boundary (removed space or separator) precedes this char
  static final byte FLAG_CLAUSE = 2;   // a removed line break precedes this char

  String original = "";
  char[] chars;
  int[] starts;
  int[] ends;
  byte[] flags;
  int[] wordOrd;   // number of word starts at positions <= i
  int[] clauseOrd; // number of clause breaks at positions <= i
  int length;

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
    return ends[normEnd - 1];
  }

  /**
   * Whether a word boundary lies between normalised chars {@code i - 1} and {@code i}: at either end of
   * the text, next to a char that is not a letter or digit, or where a space or separator was removed.
   */
  public boolean boundaryBefore(int i) {
    if (i <= 0 || i >= length) return true;
    return (flags[i] & FLAG_BOUNDARY) != 0 || !CharClass.isWord(chars[i - 1]) || !CharClass.isWord(chars[i]);
  }

  /** Number of words that start at normalised positions in {@code [from, to)}. */
  public int wordsBetween(int from, int to) {
    if (to <= from) return 0;
    checkRange(from, to);
    return wordOrd[to - 1] - (from == 0 ? 0 : wordOrd[from - 1]);
  }

  /** Whether normalised positions {@code a <= b} lie in the same clause (no , . ; : ! ? or line break between). */
  public boolean sameClause(int a, int b) {
    if (a > b) { int t = a; a = b; b = t; }
    checkRange(a, b + 1);
    return clauseOrd[a] == clauseOrd[b];
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
