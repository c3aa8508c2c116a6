package org.redflag.text;

import java.util.Locale;
import java.util.Objects;

/**
 * The unit in which an offset into a string is counted. Redflag computes every span in UTF-16 code
 * units, the index of Java's, JavaScript's and C#'s strings; Python's {@code str}, R and Julia's
 * {@code Char}s count code points; Rust's {@code str}, Go's strings and byte-oriented tools (a JSONL
 * file read as bytes) count UTF-8 bytes. The three agree on ASCII text and part as soon as a character
 * outside it precedes the offset: an emoji or a mathematical bold letter is two UTF-16 units, one code
 * point and four UTF-8 bytes. Output names its unit so that {@code text[start:end]} in the reader's
 * language is the matched surface form.
 *
 * <p>An unpaired surrogate (possible in a Java string, never in valid UTF-8) counts as one code point
 * and three UTF-8 bytes, as the WTF-8 encoding writes it. An offset that falls between the two halves of
 * a surrogate pair (never produced by Redflag, whose spans start and end at code point boundaries)
 * counts the whole pair, as {@link String#codePointCount} does.
 */
public enum OffsetUnit {
  /** UTF-16 code units: Java's {@code String} index (Redflag's own unit, the default). */
  UTF16("utf16"),
  /** Unicode code points: Python's {@code str} index. */
  CODEPOINTS("codepoints"),
  /** Bytes of the UTF-8 encoding. */
  UTF8("utf8");

  private final String label;

  OffsetUnit(String label) { this.label = label; }

  /** The name used in output ({@code "offsets": "codepoints"}) and on the command line. */
  public String label() { return label; }

  /** The unit with this label ({@code utf16}, {@code codepoints}, {@code utf8}), case-insensitively. */
  public static OffsetUnit parse(String label) {
    Objects.requireNonNull(label, "label");
    for (OffsetUnit u : values()) {
      if (u.label.equals(label.toLowerCase(Locale.ROOT))) return u;
    }
    throw new IllegalArgumentException("unknown offset unit '" + label + "' (expected utf16, codepoints or utf8)");
  }

  /** The offset in this unit of the UTF-16 index {@code utf16} into {@code s}. */
  public int fromUtf16(CharSequence s, int utf16) {
    return converter(s).fromUtf16(utf16);
  }

  /** The UTF-16 index into {@code s} of {@code offset} counted in this unit. */
  public int toUtf16(CharSequence s, int offset) {
    if (offset < 0) throw new IndexOutOfBoundsException("offset " + offset + " is negative");
    if (this == UTF16) return checked(s, offset);
    int i = 0;
    int n = 0;
    while (n < offset) {
      if (i >= s.length()) throw new IndexOutOfBoundsException("offset " + offset + " " + label + " is past the end");
      int width = pairAt(s, i) ? 2 : 1;
      n += size(s, i, width);
      i += width;
    }
    if (n != offset) throw new IndexOutOfBoundsException("offset " + offset + " " + label + " falls inside a character");
    return i;
  }

  /**
   * A converter for many offsets into one string. It walks from the last offset asked to the next,
   * forward or back, so offsets asked in ascending order, or in nearby pairs (start, end), cost about
   * one pass over the string in all.
   */
  public Converter converter(CharSequence s) { return new Converter(this, s); }

  /** Converts UTF-16 indices into one string to a unit; not thread-safe (it keeps its position). */
  public static final class Converter {
    private final OffsetUnit unit;
    private final CharSequence s;
    private int utf16; // position reached, a code point boundary
    private int counted; // the same position in unit

    Converter(OffsetUnit unit, CharSequence s) {
      this.unit = unit;
      this.s = Objects.requireNonNull(s, "s");
    }

    /** The offset in the converter's unit of the UTF-16 index {@code index}. */
    public int fromUtf16(int index) {
      checked(s, index);
      if (unit == UTF16) return index;
      while (utf16 > index) {
        int width = utf16 >= 2 && Character.isLowSurrogate(s.charAt(utf16 - 1)) && pairAt(s, utf16 - 2) ? 2 : 1;
        utf16 -= width;
        counted -= unit.size(s, utf16, width);
      }
      while (utf16 < index) {
        int width = pairAt(s, utf16) ? 2 : 1;
        counted += unit.size(s, utf16, width);
        utf16 += width;
      }
      return counted; // an index inside a pair has counted the whole pair (see the class comment)
    }
  }

  private static int checked(CharSequence s, int index) {
    if (index < 0 || index > s.length()) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + s.length() + "]");
    }
    return index;
  }

  private static boolean pairAt(CharSequence s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /** The size in this unit of the character at {@code i}, {@code width} UTF-16 units wide. */
  private int size(CharSequence s, int i, int width) {
    switch (this) {
      case CODEPOINTS:
        return 1;
      case UTF8: {
        if (width == 2) return 4;
        char c = s.charAt(i);
        return c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
      default:
        return width;
    }
  }
}
