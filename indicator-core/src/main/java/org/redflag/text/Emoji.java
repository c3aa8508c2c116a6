package org.redflag.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.UnicodeSet;
import java.util.Arrays;

/**
 * Recognises emoji sequences and gives each one canonical key: one private-use code point (planes 15
 * and 16) that the text pipeline writes into the normalised buffer in place of the whole sequence, so
 * pack patterns containing emoji match through the same normalisation.
 *
 * <p>The key ignores presentation selectors (VS15/VS16) and skin-tone modifiers, so {@code 👋},
 * {@code 👋🏽} and {@code 👋️} share a key; a keycap ({@code 1⃣}, {@code 1️⃣}) has one key; a flag (two
 * regional indicators) has one key; an RGI ZWJ or tag sequence (from ICU's {@code RGI_Emoji_ZWJ_Sequence}
 * and {@code RGI_Emoji_Tag_Sequence} data) is kept whole as one key. A ZWJ chain that is not an RGI
 * sequence falls apart into its elements, each with its own key.
 *
 * <p>Parsing is allocation-free: element hashes go into a 64-bit value looked up in an open-addressing
 * table built once at class initialisation.
 */
public final class Emoji {
  /** Keys of single-code-point emoji: base {@code < 0x4000}. */
  private static final int SINGLE_BMP = 0xF0000;
  /** Keys of single-code-point emoji in U+1F000..U+1FFFF. */
  private static final int SINGLE_SMP = 0xF4000;
  private static final int KEYCAP = 0xF5000;
  private static final int FLAG = 0xF5100;
  private static final int OTHER = 0xF6000;
  /** Keys of interned multi-element sequences (ZWJ, tag sequences). */
  private static final int SEQUENCE = 0x100000;

  private static final int ZWJ = 0x200D;
  private static final int KEYCAP_MARK = 0x20E3;
  private static final int TAG_END = 0xE007F;

  // class bits for code points below 0x20000
  private static final byte PICT = 1, MODIFIER = 2, RI = 4;
  private static final byte[] CLASS = new byte[0x20000];

  private static final long[] SEQ_HASH;
  private static final int[] SEQ_KEY;
  private static final int SEQ_MASK;

  static {
    for (int cp = 0; cp < CLASS.length; cp++) {
      byte c = 0;
      if (UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)) c |= PICT;
      if (UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)) c |= MODIFIER;
      if (UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR)) c |= RI;
      CLASS[cp] = c;
    }
    UnicodeSet rgi = new UnicodeSet("[[:RGI_Emoji_ZWJ_Sequence:][:RGI_Emoji_Tag_Sequence:]]").freeze();
    int size = Integer.highestOneBit(Math.max(16, rgi.strings().size() * 4)) * 2;
    SEQ_HASH = new long[size];
    SEQ_KEY = new int[size];
    SEQ_MASK = size - 1;
    Arrays.fill(SEQ_KEY, -1);
    int next = 0;
    Parser p = new Parser();
    for (String s : rgi.strings()) {
      p.parse(s, 0, s.length(), false);
      if (p.end != s.length()) continue; // not a sequence this parser reads whole; cannot happen for RGI data
      long h = p.hash;
      int slot = (int) (mix(h) & SEQ_MASK);
      while (SEQ_KEY[slot] >= 0 && SEQ_HASH[slot] != h) slot = (slot + 1) & SEQ_MASK;
      if (SEQ_KEY[slot] < 0) {
        SEQ_HASH[slot] = h;
        SEQ_KEY[slot] = SEQUENCE + next++;
      }
    }
  }

  private Emoji() {}

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  static boolean isPictographic(int cp) { return cp < 0x20000 && (CLASS[cp] & PICT) != 0; }

  static boolean isModifier(int cp) { return cp < 0x20000 && (CLASS[cp] & MODIFIER) != 0; }

  static boolean isRegionalIndicator(int cp) { return cp < 0x20000 && (CLASS[cp] & RI) != 0; }

  /** Cheap pre-check: whether an emoji sequence may start with {@code cp}. */
  static boolean mayStart(int cp) {
    if (cp < 0x80) return isKeycapBase(cp);
    return cp < 0x20000 && CLASS[cp] != 0;
  }

  static boolean isVariationSelector(int cp) { return cp == 0xFE0E || cp == 0xFE0F; }

  private static boolean isTag(int cp) { return cp >= 0xE0020 && cp <= 0xE007E; }

  private static boolean isKeycapBase(int cp) { return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*'; }

  /** True for a key produced by this class (a code point in the emoji key ranges). */
  public static boolean isKey(int cp) { return cp >= SINGLE_BMP && cp <= 0x10FFFD; }

  /**
   * The canonical key of the emoji sequence that makes up all of {@code text}, or -1 when {@code text} is
   * not exactly one emoji sequence. For tests and tools; allocation-free.
   */
  public static int canonicalKey(CharSequence text) {
    Parser p = new Parser();
    if (!p.parse(text, 0, text.length(), true) || p.end != text.length()) return -1;
    return p.key;
  }

  /**
   * Reusable, allocation-free parser of one emoji sequence starting at a given index. After a successful
   * {@link #parse}, {@link #end} is the exclusive end (UTF-16) and {@link #key} the canonical key.
   */
  static final class Parser {
    int end;
    int key;
    long hash;

    /**
     * Parses the emoji sequence at {@code i}; returns false when none starts there. With {@code resolve}
     * false only {@link #hash} and {@link #end} are computed (used to build the sequence table).
     */
    boolean parse(CharSequence s, int i, int n, boolean resolve) {
      int cp = Character.codePointAt(s, i);
      int j = i + Character.charCount(cp);
      // keycap: base [VS] U+20E3
      if (isKeycapBase(cp)) {
        int k = j;
        if (k < n && isVariationSelector(s.charAt(k))) k++;
        if (k < n && s.charAt(k) == KEYCAP_MARK) {
          end = k + 1;
          key = KEYCAP + cp;
          hash = key;
          return true;
        }
        return false;
      }
      if (isRegionalIndicator(cp)) {
        if (j + 1 < n) {
          int cp2 = Character.codePointAt(s, j);
          if (isRegionalIndicator(cp2)) {
            end = j + Character.charCount(cp2);
            key = FLAG + (cp - 0x1F1E6) * 26 + (cp2 - 0x1F1E6);
            hash = key;
            return true;
          }
        }
        end = j;
        key = single(cp);
        hash = key;
        return true;
      }
      if (!isPictographic(cp) && !isModifier(cp)) return false;
      int firstBase = cp;
      long h = cp;
      int elements = 1;
      boolean tags = false;
      j = element(s, j, n);
      if (j < n && isTag(Character.codePointAt(s, j))) {
        int k = j;
        long th = h;
        while (k < n) {
          int t = Character.codePointAt(s, k);
          if (isTag(t)) { th = th * 31 + t; k += 2; continue; }
          if (t == TAG_END) { k += 2; tags = true; j = k; h = th * 31 + t; }
          break;
        }
        if (!tags) j = k; // unterminated tags: consumed and ignored
      }
      int firstEnd = j;
      while (j + 1 < n && s.charAt(j) == ZWJ) {
        int next = Character.codePointAt(s, j + 1);
        if (!isPictographic(next)) break;
        h = h * 1_000_003L + ZWJ;
        h = h * 1_000_003L + next;
        elements++;
        j = element(s, j + 1 + Character.charCount(next), n);
      }
      hash = h;
      end = j;
      if (!resolve) return true;
      if (elements == 1 && !tags) {
        key = single(firstBase);
        return true;
      }
      int k = lookup(h);
      if (k >= 0) {
        key = k;
        return true;
      }
      // not an RGI sequence: take the first element alone; the rest is read as separate emoji
      end = firstEnd;
      key = single(firstBase);
      return true;
    }

    /** Skips the selectors and skin-tone modifiers after an element's base. */
    private static int element(CharSequence s, int j, int n) {
      while (j < n) {
        char c = s.charAt(j);
        if (isVariationSelector(c)) { j++; continue; }
        if (Character.isHighSurrogate(c) && j + 1 < n) {
          int cp = Character.codePointAt(s, j);
          if (isModifier(cp)) { j += 2; continue; }
        }
        break;
      }
      return j;
    }
  }

  private static int lookup(long h) {
    int slot = (int) (mix(h) & SEQ_MASK);
    while (SEQ_KEY[slot] >= 0) {
      if (SEQ_HASH[slot] == h) return SEQ_KEY[slot];
      slot = (slot + 1) & SEQ_MASK;
    }
    return -1;
  }

  private static int single(int base) {
    if (base < 0x4000) return SINGLE_BMP + base;
    if (base >= 0x1F000 && base <= 0x1FFFF) return SINGLE_SMP + (base - 0x1F000);
    return OTHER + (base & 0xFFF);
  }
}
