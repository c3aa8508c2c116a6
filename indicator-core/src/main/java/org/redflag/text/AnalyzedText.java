package org.redflag.text;

/**
 * The normalised form of one original string, with a map from every normalised char back to the
 * UTF-16 range of the original text it came from. Matching runs over {@link #charAt(int)}; evidence is
 * reported through {@link #originalStart(int)} and {@link #originalEnd(int)} so that
 * {@code original().substring(originalStart(s), originalEnd(e))} is the matched surface form.
 */
public final class AnalyzedText {
  private final String original;
  private final char[] chars;
  private final int length;
  private final int[] starts;
  private final int[] ends;

  AnalyzedText(String original, char[] chars, int length, int[] starts, int[] ends) {
    this.original = original;
    this.chars = chars;
    this.length = length;
    this.starts = starts;
    this.ends = ends;
  }

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

  /** The normalised text as a string (allocates; for tests and diagnostics). */
  public String normalized() { return new String(chars, 0, length); }
}
