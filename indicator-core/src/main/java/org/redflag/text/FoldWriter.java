package org.redflag.text;

/**
 * Writes what the fold's general path makes of one source code point (or white space run, or emoji
 * sequence) into an {@link AnalyzedText}: the folded chars and, for each, the source range
 * {@code [start, end)} it came from, which is the offset map back to the original. Each method takes
 * the output length and returns the new one.
 *
 * <p>The map's convention: a char's end is {@code start + 1} unless its flags have
 * {@link AnalyzedText#FLAG_WIDE}, and then {@code ends[]} holds it. Everything written here sets that
 * flag (white space runs, surrogate pairs, emoji, multi-char folds, chars with marks after them);
 * only {@link FoldPass}'s ASCII path writes chars one source char wide, and writes no end.
 */
final class FoldWriter {
  private FoldWriter() {}

  /** One space (a line break if the run had one) for the white space run {@code [start, end)}; nothing at the text's start. */
  static int emitSpace(AnalyzedText t, int len, int start, int end, boolean lineBreak) {
    if (len == 0) return 0; // leading white space carries nothing
    t.ensureCapacity(len + 1);
    t.chars[len] = lineBreak ? '\n' : ' ';
    t.starts[len] = start;
    t.ends[len] = end;
    t.flags[len] = AnalyzedText.FLAG_WIDE;
    return len + 1;
  }

  /** An emoji sequence {@code [start, end)} as its canonical key (a supplementary code point: two chars, both spanning the whole sequence). */
  static int emitEmoji(AnalyzedText t, int len, int key, int start, int end) {
    t.ensureCapacity(len + 2);
    t.chars[len] = Character.highSurrogate(key);
    t.chars[len + 1] = Character.lowSurrogate(key);
    t.starts[len] = start;
    t.starts[len + 1] = start;
    t.ends[len] = end;
    t.ends[len + 1] = end;
    t.flags[len] = AnalyzedText.FLAG_WIDE;
    t.flags[len + 1] = AnalyzedText.FLAG_WIDE;
    return len + 2;
  }

  /**
   * The chars of {@link FoldTable} entry {@code entry} (of kind {@code KIND_CHARS}) for the code point
   * {@code [start, end)}, each spanning all of it; {@code firstFlags} go on the first.
   */
  static int emitFolded(AnalyzedText t, int len, int entry, byte firstFlags, int start, int end) {
    int l = FoldTable.length(entry);
    int off = FoldTable.offset(entry);
    t.ensureCapacity(len + l);
    for (int k = 0; k < l; k++) {
      t.chars[len] = FoldTable.data(off + k);
      t.starts[len] = start;
      t.ends[len] = end;
      t.flags[len] = (byte) ((k == 0 ? firstFlags : 0) | AnalyzedText.FLAG_WIDE);
      len++;
    }
    return len;
  }

  /**
   * A combining mark (or variation selector) {@code [start, end)} belongs to the char before it: that
   * char's span grows to take it in, when the char ends right where the mark starts (not across white
   * space, not at the text's start).
   */
  static void attachMark(AnalyzedText t, int len, int start, int end) {
    if (len > 0 && t.end(len - 1) == start) {
      t.ends[len - 1] = end;
      t.flags[len - 1] |= AnalyzedText.FLAG_WIDE;
    }
  }

  /** Code points from U+20000: tags and other ignorables vanish, compatibility ideographs fold, the rest stay. */
  static int emitSupplementary(AnalyzedText t, int len, int cp, int i, int next) {
    if ((cp >= 0xE0000 && cp <= 0xE0FFF)) return len; // tags, variation selectors supplement
    int folded = cp;
    if (cp >= 0x2F800 && cp <= 0x2FA1F) {
      // CJK compatibility ideographs: rare; the slow path allocates
      String f = FoldTable.NFKC_CF.normalize(new String(Character.toChars(cp)));
      if (f.codePointCount(0, f.length()) == 1) folded = f.codePointAt(0);
    }
    t.ensureCapacity(len + 2);
    int l = Character.toChars(folded, t.chars, len);
    for (int k = 0; k < l; k++) {
      t.starts[len + k] = i;
      t.ends[len + k] = next;
      t.flags[len + k] = AnalyzedText.FLAG_WIDE;
    }
    return len + l;
  }
}
