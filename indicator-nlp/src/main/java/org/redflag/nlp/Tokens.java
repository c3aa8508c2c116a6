package org.redflag.nlp;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.Arrays;

/**
 * Tokens of the original text: words, single punctuation/symbol code points, emoji sequences, each with
 * its UTF-16 span and whether it stands inside quotation marks. Parallel arrays, refilled per advert.
 *
 * <p>A hand-written single pass over the original text rather than OpenNLP's {@code TokenizerME}: the
 * features need exact UTF-16 offsets into the original text, emoji as tokens, quotation state, and the
 * same behaviour for languages without a tokenizer model (Russian); a letter/digit-run scan gives all of
 * that in one linear pass with no backtracking.
 */
final class Tokens {
  /** Token kinds. */
  static final byte WORD = 0, PUNCT = 1, EMOJI = 2;

  int size;
  int[] start;
  int[] end;
  byte[] kind;
  boolean[] quoted;

  private void add(int s, int e, byte k, boolean q) {
    if (size == start.length) ensure(size * 2);
    start[size] = s;
    end[size] = e;
    kind[size] = k;
    quoted[size] = q;
    size++;
  }

  /** Room for {@code capacity} tokens, keeping the ones there. */
  void ensure(int capacity) {
    if (capacity <= start.length) return;
    start = Arrays.copyOf(start, capacity);
    end = Arrays.copyOf(end, capacity);
    kind = Arrays.copyOf(kind, capacity);
    quoted = Arrays.copyOf(quoted, capacity);
  }

  Tokens(int capacity) {
    start = new int[capacity];
    end = new int[capacity];
    kind = new byte[capacity];
    quoted = new boolean[capacity];
  }

  /** ASCII chars by what the scan does with them. */
  private static final byte A_SKIP = 0, A_LINE = 1, A_WORD = 2, A_PUNCT = 3;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = c == '\n' || c == '\r' ? A_LINE : c <= ' ' || c == 0x7F ? A_SKIP : isAsciiWordChar(c) ? A_WORD : A_PUNCT;
    }
  }

  /**
   * Tokens of {@code text[0, n)} (a char copy of the advert: no String index checks in the scan), into
   * {@code t}, which is cleared first.
   */
  static Tokens scan(char[] text, int n, Tokens t) {
    t.size = 0;
    // About one token per 5 chars in advert text; sized once instead of doubling.
    t.ensure(Math.max(64, n / 4));
    int quoteDepth = 0;
    int i = 0;
    while (i < n) {
      char ch = text[i];
      if (ch < 0x80) {
        // ASCII fast path, by a 128-entry table: the same decisions as the general path below,
        // without code-point decoding and Unicode property lookups.
        byte cl = ASCII[ch];
        if (cl == A_WORD) {
          int s = i;
          i = wordEnd(text, i + 1, n);
          t.add(s, i, WORD, quoteDepth > 0);
        } else if (cl == A_SKIP) { // white space or control
          i++;
        } else if (cl == A_LINE) { // quotes do not span lines
          quoteDepth = 0;
          i++;
        } else {
          boolean wasQuoted = quoteDepth > 0;
          quoteDepth = updateQuoteDepth(text, i, ch, quoteDepth);
          t.add(i, i + 1, PUNCT, wasQuoted);
          i++;
        }
        continue;
      }
      int cp = Character.codePointAt(text, i, n);
      int len = Character.charCount(cp);
      if (cp == '\n' || cp == '\r') { quoteDepth = 0; i += len; continue; } // quotes do not span lines
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) { i += len; continue; }
      if (isWordChar(cp)) {
        int s = i;
        i = wordEnd(text, i + len, n);
        t.add(s, i, WORD, quoteDepth > 0);
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
          || type == Character.SURROGATE || isEmojiModifier(cp)) { i += len; continue; }
      if (cp > 0x7F && (UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) || isRegionalIndicator(cp))) {
        int s = i;
        boolean flag = isRegionalIndicator(cp);
        i += len;
        // One emoji = one pictograph with its modifiers, variation selectors and ZWJ-joined parts,
        // or a pair of regional indicators (a flag).
        while (i < n) {
          int c = Character.codePointAt(text, i, n);
          if (c == 0xFE0F || c == 0xFE0E || isEmojiModifier(c)) { i += Character.charCount(c); continue; }
          if (c == 0x200D && i + 1 < n) {
            int after = Character.codePointAt(text, i + 1, n);
            if (UCharacter.hasBinaryProperty(after, UProperty.EXTENDED_PICTOGRAPHIC)) { i += 1 + Character.charCount(after); continue; }
          }
          if (flag && isRegionalIndicator(c)) { i += Character.charCount(c); flag = false; continue; }
          break;
        }
        t.add(s, i, EMOJI, quoteDepth > 0);
        continue;
      }
      // Punctuation or symbol: one code point. Quotation marks change the quoted state.
      boolean wasQuoted = quoteDepth > 0;
      quoteDepth = updateQuoteDepth(text, i, cp, quoteDepth);
      t.add(i, i + len, PUNCT, wasQuoted);
      i += len;
    }
    return t;
  }

  /** End of the word whose first char ends before {@code i}: word chars, joined across {@code ' ’ -}. */
  private static int wordEnd(char[] text, int i, int n) {
    while (i < n) {
      char ch = text[i];
      if (ch < 0x80) {
        if (ASCII[ch] == A_WORD) {
          i++;
          continue;
        }
      } else {
        int cp = Character.codePointAt(text, i, n);
        if (isWordChar(cp)) {
          i += Character.charCount(cp);
          continue;
        }
      }
      // Joiners inside a word: "she's", "don’t", "22-year-old".
      if ((ch == '\'' || ch == '\u2019' || ch == '-') && i + 1 < n && isWordChar(Character.codePointAt(text, i + 1, n))) { i++; continue; }
      break;
    }
    return i;
  }

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int updateQuoteDepth(char[] text, int i, int cp, int depth) {
    switch (cp) {
      case '"':
      case '\uFF02':
        if (i > 0 && Character.isDigit(text[i - 1])) return depth; // 5'6" is inches, not a quote
        return depth > 0 ? depth - 1 : depth + 1;
      case '\u201C': case '\u201D': case '\u00AB': case '\u00BB': case '\u2039': case '\u203A':
        // English “…”, German „…“ and »…«, Russian/French «…»: a mark closes an open quote, else opens one.
        return depth > 0 ? depth - 1 : depth + 1;
      case '\u201E': case '\u300C': case '\u300E':
        return Math.min(depth + 1, 2);
      case '\u300D': case '\u300F':
        return Math.max(depth - 1, 0);
      default:
        return depth;
    }
  }

  private static boolean isWordChar(int cp) {
    if (cp < 0x80) return isAsciiWordChar((char) cp);
    if (Character.isLetterOrDigit(cp)) return true;
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isRegionalIndicator(int cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

  private static boolean isEmojiModifier(int cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }
}
