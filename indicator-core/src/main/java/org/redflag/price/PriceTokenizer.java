package org.redflag.price;

import static org.redflag.price.PriceTokens.NUM;
import static org.redflag.price.PriceTokens.PUNCT;
import static org.redflag.price.PriceTokens.SYM;
import static org.redflag.price.PriceTokens.WORD;
import static org.redflag.price.PriceVocabulary.WORDS;
import static org.redflag.price.PriceVocabulary.W_CUR;
import static org.redflag.price.PriceVocabulary.W_EUPH;
import static org.redflag.price.PriceVocabulary.signCurrency;

/**
 * The first pass of price extraction: one forward pass over a text's chars that writes its tokens into
 * a {@link PriceTokens} buffer. Numbers are parsed in place (digit groups, decimal part, malformed
 * shapes marked), words are hashed while their end is found and looked up in
 * {@link PriceVocabulary#WORDS} without creating strings, currency signs and other chars are one token
 * each. Only windows of text around digits are tokenized (see {@link #tokenize}).
 */
final class PriceTokenizer {
  private PriceTokenizer() {}

  /**
   * Tokens a window reaches back before its first number: more than {@link PriceParser#RATES_WINDOW} (a rates
   * word or price further back cannot reach the number) plus the few tokens the parser looks back
   * from a number (sign, label, phone chain, "US$").
   */
  static final int WINDOW_TOKENS_BEFORE = PriceParser.RATES_WINDOW + 8;
  /**
   * Tokens a window goes on after its last number: more than the parser looks ahead of a number
   * (currency, range, joining tokens and a duration such as "half an hour": at most about eight).
   */
  static final int WINDOW_TOKENS_AFTER = 16;

  /**
   * Tokenizes the parts of {@code s} that can hold or affect a price: every amount is a number, so
   * only windows around the text's ASCII digits are tokenized, each from at least
   * {@link #WINDOW_TOKENS_BEFORE} tokens before its first number to {@link #WINDOW_TOKENS_AFTER} tokens
   * after its last (windows closer than that are one). Windows start and end at white space where the
   * whole text's tokenization has no token (only numbers span white space, "5 000", and there is no
   * number between windows), so a window's tokens are exactly those of the whole text there. The text
   * left out has no number, and what the parser reads around a number (a few tokens each way, and a
   * rates word or price at most {@link PriceParser#RATES_WINDOW} tokens before it) lies inside its window; what it
   * carries from one window into the next (an unclaimed duration, an open rates list) is by then too
   * far from any number of the next window to count, as it would be in the whole text. Why: price
   * tokenization is one of the largest parts of the core path, and much of an advert's text is far
   * from any digit. {@code PriceExtractorWindowProperties} checks the result against
   * {@link PriceExtractor#extractWhole}.
   */
  static void tokenize(String s, PriceTokens t, boolean windowed) {
    t.trim();
    t.n = 0;
    int len = s.length();
    // the chars are copied once into the scratch buffer: array reads instead of String.charAt (coder
    // check per char) in the tokenizer, number scanner and word lookups, which read every char about
    // twice
    if (t.chars.length < len) t.chars = new char[Math.max(len, 2 * t.chars.length)];
    char[] b = t.chars;
    s.getChars(0, len, b, 0);
    if (!windowed) {
      tokenizeWindow(b, len, 0, Integer.MAX_VALUE, t);
      return;
    }
    int done = 0; // the text before this is tokenized or left out; white space between tokens (or 0)
    while (done < len) {
      int d = done;
      while (d < len && !isDigit(b[d])) d++;
      if (d == len) return; // no number after this: nothing here can be a price
      done = tokenizeWindow(b, len, windowStart(b, done, d), WINDOW_TOKENS_AFTER, t);
    }
  }

  /**
   * Where the window of the first digit at {@code digit} starts: the last white space before it, not
   * before {@code floor}, with {@link #WINDOW_TOKENS_BEFORE} tokens between it and the digit;
   * {@code floor} when there is none. Between {@code floor} and the digit there is no number, so every
   * white space there lies between tokens and a char after white space starts a token.
   */
  private static int windowStart(char[] b, int floor, int digit) {
    int tokens = 0;
    boolean spaceAfter = true; // the digit's own token is not counted
    for (int k = digit - 1; k > floor; k--) {
      boolean space = isSpace(b[k]);
      if (space && !spaceAfter && ++tokens >= WINDOW_TOKENS_BEFORE) return k;
      spaceAfter = space;
    }
    return floor;
  }

  /**
   * Tokenizes from {@code from} (white space between tokens, or 0) until white space with
   * {@code tokensAfter} tokens between it and the last number; returns where it stopped.
   */
  private static int tokenizeWindow(char[] b, int len, int from, int tokensAfter, PriceTokens t) {
    int i = from;
    boolean space = true;
    int tokensSinceNumber = Integer.MIN_VALUE; // no stop before the window's first number
    while (i < len) {
      char c = b[i];
      if (isSpace(c)) {
        if (tokensSinceNumber >= tokensAfter) return i;
        space = true;
        i++;
        continue;
      }
      int st = i;
      tokensSinceNumber++;
      if (isDigit(c)) {
        i = scanNumber(b, len, i, t, !space);
        tokensSinceNumber = 0;
      } else if (isLetter(c)) {
        // the word's case-insensitive hash is computed in the same loop that finds its end, so the
        // table lookup does not read the word again (every word is looked up); the same hash as
        // PriceVocabulary.WordTable.hash
        int h = 0;
        while (i < len) {
          char d = b[i];
          if (d < 0x80) {
            if ((d | 0x20) < 'a' || (d | 0x20) > 'z') break;
            h = 31 * h + (d | 0x20);
          } else {
            if (!Character.isLetter(d)) break;
            h = 31 * h + Character.toLowerCase(d);
          }
          i++;
        }
        int k = t.add(WORD, st, i, !space);
        long role = WORDS.lookup(b, st, i, h);
        t.info[k] = (int) (role >>> 32);
        t.value[k] = (int) role;
      } else if (isCurrencySymbol(c)) {
        int k = t.add(SYM, st, ++i, !space);
        t.info[k] = signCurrency(c);
      } else {
        int k = t.add(PUNCT, st, ++i, !space);
        t.info[k] = c;
      }
      space = false;
    }
    return len;
  }

  private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

  /** ASCII white space as a bit set: tab, line feed, vertical tab, form feed, carriage return, space. */
  private static final long ASCII_SPACES = 1L << ' ' | 1L << '\t' | 1L << '\n' | 1L << 0x0B | 1L << '\f' | 1L << '\r';

  /**
   * White space: the ASCII white space above, and {@code Character.isWhitespace} or a space separator
   * beyond ASCII. Those lie at U+00A0 and in U+1680..U+3000, so other chars (most of them emoji halves
   * and letters) are answered without the Unicode tables (the window search asks about every char).
   * {@code PriceExtractorTest} checks every char against the general definition.
   */
  static boolean isSpace(char c) {
    if (c <= ' ') return (ASCII_SPACES & 1L << c) != 0;
    if (c < 0x80) return false;
    if (c < 0x1680) return c == '\u00A0';
    if (c > 0x3000) return false;
    return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  /** ASCII fast path before the Unicode tables: most advert text is ASCII. */
  private static boolean isLetter(char c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return Character.isLetter(c);
  }

  private static boolean isCurrencySymbol(char c) {
    if (c < 0x80) return c == '$';
    if (Character.isSurrogate(c)) return false; // emoji halves: no type lookup (no currency sign is one)
    return Character.getType(c) == Character.CURRENCY_SYMBOL;
  }

  /** Non-breaking and thin spaces: deliberate digit grouping ("5 000 ₽"). */
  private static boolean isGroupingSpace(char c) { return c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u2007'; }

  static final int MAX_GROUPS = 8;
  private static final int MAX_INTEGER_DIGITS = 12;

  /**
   * Reads a number starting at {@code i}: digits with optional group separators ({@code 1,000},
   * {@code 1.000}, {@code 5 000}) and an optional one- or two-digit decimal part ({@code 80.50},
   * {@code 80,50}). Shapes that are neither (dates such as {@code 12.05.2024}, IP-like strings) and
   * numbers with more than 12 integer digits are kept as one token marked malformed.
   */
  private static int scanNumber(char[] b, int len, int i, PriceTokens t, boolean glued) {
    int st = i;
    int[] groupDigits = t.groupDigits;
    char[] seps = t.seps;
    int groups = 0;
    int j = i;
    while (j < len && isDigit(b[j])) j++;
    groupDigits[groups] = j - i;
    seps[groups++] = 0;
    while (j < len) {
      char c = b[j];
      int k = j + 1;
      if ((c == '.' || c == ',') && k < len && isDigit(b[k])) {
        while (k < len && isDigit(b[k])) k++;
      } else if ((c == ' ' || isGroupingSpace(c)) && k + 3 <= len && isDigit(b[k]) && isDigit(b[k + 1])
          && isDigit(b[k + 2]) && (k + 3 == len || !isDigit(b[k + 3]))
          // a plain space groups only after a one- or two-digit lead, before a round group, and when a
          // currency follows ("5 000 руб", "15 500 ₽"), so that "$50 100 min" and "23 100$ hh" stay
          // two numbers; deliberate grouping spaces group any 1-3 digit lead
          && groupDigits[0] <= (c == ' ' ? 2 : 3) && allThree(groupDigits, groups) && sameSep(seps, groups, c)
          && (c != ' ' || b[k + 1] == '0' && b[k + 2] == '0' && currencyFollows(b, len, k + 3))) {
        k += 3;
      } else {
        break;
      }
      if (groups < MAX_GROUPS) {
        groupDigits[groups] = k - j - 1;
        seps[groups] = c == ' ' || isGroupingSpace(c) ? ' ' : c;
      }
      groups++;
      j = k;
    }
    int tok = t.add(NUM, st, j, glued);
    // interpret the shape: where is the decimal separator, if any?
    boolean bad = groups > MAX_GROUPS;
    int decimalGroup = -1;
    if (!bad && groups > 1) {
      int last = groups - 1;
      int lastDigits = groupDigits[last];
      if (lastDigits <= 2) {
        if (seps[last] == ' ') bad = true;
        decimalGroup = last;
        if (!bad && last > 1) bad = !validGrouping(groupDigits, seps, last, seps[last]);
      } else if (lastDigits == 3) {
        bad = !validGrouping(groupDigits, seps, groups, (char) 0);
      } else {
        bad = true;
      }
    }
    long cents = 0;
    int intDigits = 0;
    if (!bad) {
      int g = 0;
      int fracDigits = 0;
      long frac = 0;
      for (int p = st; p < j; p++) {
        char c = b[p];
        if (!isDigit(c)) {
          g++;
          continue;
        }
        if (g == decimalGroup) {
          frac = frac * 10 + (c - '0');
          fracDigits++;
        } else {
          if (intDigits == 0 && c == '0' && p + 1 < j && isDigit(b[p + 1]) && g == 0) {
            // leading zero: "05" is a date or clock part, never an amount; keep parsing but mark it
            bad = true;
          }
          intDigits++;
          if (intDigits > MAX_INTEGER_DIGITS) {
            bad = true;
            break;
          }
          cents = cents * 10 + (c - '0');
        }
      }
      if (!bad) cents = cents * 100 + (fracDigits == 1 ? frac * 10 : frac);
    }
    t.info[tok] = bad ? 1 : 0;
    t.value[tok] = intDigits;
    t.cents[tok] = bad ? 0 : cents;
    return j;
  }

  /**
   * After a plain-space digit group ending at {@code i}: more such groups, then a currency symbol or
   * word. Looks at most a few dozen chars ahead, so the pass stays linear.
   */
  private static boolean currencyFollows(char[] s, int len, int i) {
    int limit = Math.min(len, i + 40);
    while (i + 4 <= limit && s[i] == ' ' && isDigit(s[i + 1]) && isDigit(s[i + 2])
        && isDigit(s[i + 3]) && (i + 4 == len || !isDigit(s[i + 4]))) {
      i += 4;
    }
    while (i < limit && isSpace(s[i])) i++;
    if (i >= len) return false;
    char c = s[i];
    if (isCurrencySymbol(c)) return true;
    int j = i;
    while (j < len && j - i <= 24 && isLetter(s[j])) j++;
    return j > i && (WORDS.lookup(s, i, j) >>> 32 & (W_CUR | W_EUPH)) != 0;
  }

  private static boolean allThree(int[] digits, int groups) {
    if (groups > MAX_GROUPS) return false;
    for (int g = 1; g < groups; g++) if (digits[g] != 3) return false;
    return true;
  }

  private static boolean sameSep(char[] seps, int groups, char c) {
    for (int g = 1; g < Math.min(groups, MAX_GROUPS); g++) if (seps[g] != ' ') return false;
    return true;
  }

  /** Groups 1..n-1 have three digits each, the lead 1-3, all with the same separator, other than {@code not}. */
  private static boolean validGrouping(int[] digits, char[] seps, int n, char not) {
    if (digits[0] < 1 || digits[0] > 3) return false;
    char sep = seps[1];
    if (sep == not) return false;
    for (int g = 1; g < n; g++) if (digits[g] != 3 || seps[g] != sep) return false;
    return true;
  }
}
