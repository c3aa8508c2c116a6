package org.redflag.price;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.redflag.advert.Advert;
import org.redflag.advert.Price;

/**
 * Finds price mentions in advert text: {@code $80}, {@code 80$}, {@code 80 usd}, {@code €120},
 * {@code 200 eur}, {@code 3000 руб}, {@code 150 roses}, with durations before or after the amount
 * ({@code hh}, {@code half hour}, {@code 30 min}, {@code 1h}, {@code 2 hours}, {@code qv},
 * {@code full hour}, {@code halbe Stunde}, {@code 2 Std.}, {@code полчаса}, {@code за час}), several
 * prices per advert, and ranges ({@code $80-100}, which give one mention per end, both with the span
 * of the whole range). Phone numbers, ages, heights, bust sizes, {@code 24/7}, dates and times are not
 * read as prices: an amount needs a currency marker (or a euphemism such as "roses"), and numbers that
 * are part of a time, date, fraction, height, percentage or phone-number chain are never amounts.
 * After a rates word ("rates", "Preise", "цена") a bare number with a duration also counts, with the
 * default currency.
 *
 * <p>Negative, zero or absurd amounts (above {@link #maxAmount()}), malformed or overflowing numbers
 * and unknown currency symbols give no price and never an exception.
 *
 * <p>Hand-written rather than a regular expression: this runs on untrusted text in the scoring hot
 * path, so it must be linear-time and allocate almost nothing. One forward pass over the chars
 * classifies them into tokens (numbers parsed in place, words looked up in a fixed table without
 * creating strings) in a per-thread scratch buffer that is reused; a second forward pass over the
 * tokens recognises prices with a lookahead of at most a few tokens. Prices found are kept in compact
 * arrays: the returned lists are {@link PriceMentions}, which build each {@link PriceMention} when it
 * is read. Immutable and thread-safe.
 */
public final class PriceExtractor {
  /** Amounts above this are treated as absurd (typing errors, phone numbers) and ignored. */
  public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000");

  private static final PriceExtractor DEFAULTS = new PriceExtractor(DEFAULT_MAX_AMOUNT);

  // ---- currencies ----
  static final String[] CURRENCIES = {"USD", "EUR", "GBP", "RUB", "CAD", "AUD", "NZD", "CHF", "PLN", "UAH",
      "CZK", "SEK", "NOK", "DKK", "JPY", "CNY", "INR", "MXN", "BRL", "HUF", "RON", "TRY", "ILS", "THB", "PHP",
      "KRW", "VND", "ZAR", "SGD", "HKD"};
  private static final int USD = 0;
  private static final int EUR = 1;
  private static final int GBP = 2;
  private static final int RUB = 3;
  private static final int CAD = 4;
  private static final int AUD = 5;
  private static final int NZD = 6;
  private static final int SGD = currencyIndex("SGD");
  private static final int HKD = currencyIndex("HKD");
  private static final int MXN = currencyIndex("MXN");
  private static final int JPY = currencyIndex("JPY");
  private static final int UAH = currencyIndex("UAH");
  private static final int INR = currencyIndex("INR");
  private static final int TRY = currencyIndex("TRY");
  private static final int KRW = currencyIndex("KRW");
  private static final int PHP = currencyIndex("PHP");
  private static final int ILS = currencyIndex("ILS");
  private static final int THB = currencyIndex("THB");
  private static final int VND = currencyIndex("VND");
  /** Marker value: a euphemism ("roses"), meaning the market's default currency, if any. */
  private static final int EUPHEMISM = -3;
  /** Marker value: a currency symbol we do not know; such a price is dropped rather than guessed. */
  private static final int UNKNOWN = -1;
  private static final int NONE = -2;
  private static final int CONFLICT = Integer.MIN_VALUE;

  // ---- token types ----
  private static final byte NUM = 1;
  private static final byte WORD = 2;
  private static final byte SYM = 3;
  private static final byte PUNCT = 4;

  // ---- word roles (bit flags) ----
  private static final int W_CUR = 1;        // currency word; value = currency index
  private static final int W_EUPH = 1 << 1;  // euphemism for money ("roses")
  private static final int W_HOUR = 1 << 2;  // hour unit; alone = 60 min, after a count n = n hours
  private static final int W_MIN = 1 << 3;   // minute unit; needs a count
  private static final int W_FIXED = 1 << 4; // a duration on its own (hh, qv, полчаса); value = minutes
  private static final int W_HALF = 1 << 5;  // "half", "halbe", "пол" before an hour unit
  private static final int W_FULL = 1 << 6;  // "full", "ganze" before an hour unit
  private static final int W_AFTER = 1 << 7; // may stand between an amount and its duration ("per", "за")
  private static final int W_BEFORE = 1 << 8; // may stand between a duration and its amount ("for")
  private static final int W_TO = 1 << 9;    // range word ("to", "bis", "до")
  private static final int W_RATES = 1 << 10; // opens a rates list where bare numbers with durations count
  private static final int W_COUNT = 1 << 11; // number word; value = count
  private static final int W_NOT_AMOUNT = 1 << 12; // glued after a number, makes it an age, size or time (23yo, 34dd, 10pm)
  private static final int W_LABEL = 1 << 13; // labels a following number as something else ("age 23", "tel")

  private static final int RATES_WINDOW = 24;
  /** A bare amount outside a rates list is read only from 10 up (below, a count or an age is likelier). */
  private static final long MIN_BARE_CENTS = 10_00;

  private static final WordTable WORDS = buildWords();

  private final long maxCents;
  private final BigDecimal maxAmount;

  private PriceExtractor(BigDecimal maxAmount) {
    if (maxAmount == null || maxAmount.signum() <= 0 || maxAmount.compareTo(new BigDecimal("1000000000")) > 0) {
      throw new IllegalArgumentException("maxAmount must be within (0, 1e9], was " + maxAmount);
    }
    this.maxAmount = maxAmount;
    this.maxCents = maxAmount.movePointRight(2).longValue();
  }

  /** The extractor with {@link #DEFAULT_MAX_AMOUNT}. */
  public static PriceExtractor defaults() { return DEFAULTS; }

  /** An extractor that ignores amounts above {@code maxAmount}. */
  public static PriceExtractor withMaxAmount(BigDecimal maxAmount) { return new PriceExtractor(maxAmount); }

  public BigDecimal maxAmount() { return maxAmount; }

  /**
   * All prices of an advert: its structured {@link Advert#prices()} first (field {@code prices[i]}),
   * then prices in the title (field {@code title}, span into the title), then prices in the text.
   * Consumers that need one price per advert prefer the structured ones (see {@link HourlyRate}).
   *
   * @param defaultCurrency ISO code used for euphemisms such as "roses" and for a bare "$" when it is
   *     a dollar currency (e.g. CAD); null when the market declares none
   */
  public PriceMentions extract(Advert advert, String defaultCurrency) {
    List<Price> given = advert.prices();
    PriceMention[] structured = given.isEmpty() ? NO_MENTIONS : new PriceMention[given.size()];
    for (int i = 0; i < structured.length; i++) {
      Price p = given.get(i);
      structured[i] = new PriceMention(p.amount(), p.currency(), p.minutes(), -1, -1, "prices[" + i + "]");
    }
    Scratch t = SCRATCH.get();
    t.found = 0;
    String title = advert.title().orElse(null);
    if (title != null) scan(title, defaultCurrency, true, t);
    scan(advert.text(), defaultCurrency, false, t);
    return result(structured, t);
  }

  private static final PriceMention[] NO_MENTIONS = new PriceMention[0];

  /** The prices found, as a compact list (see {@link PriceMentions}). */
  private static PriceMentions result(PriceMention[] structured, Scratch t) {
    if (structured.length == 0 && t.found == 0) return PriceMentions.EMPTY;
    return new PriceMentions(structured, java.util.Arrays.copyOf(t.foundCents, t.found),
        java.util.Arrays.copyOf(t.foundInfo, 4 * t.found));
  }

  /** Prices in one text, in text order; spans index into {@code text}. */
  public PriceMentions extract(String text) { return extract(text, null); }

  /** Prices in one text with a default currency for euphemisms (see {@link #extract(Advert, String)}). */
  public PriceMentions extract(String text, String defaultCurrency) { return extract(text, defaultCurrency, true); }

  /**
   * {@link #extract(String, String)} with every token of the text read (no windows; see
   * {@link #tokenize}): the reference the windowed scan is tested against.
   */
  PriceMentions extractWhole(String text, String defaultCurrency) { return extract(text, defaultCurrency, false); }

  private PriceMentions extract(String text, String defaultCurrency, boolean windowed) {
    Scratch t = SCRATCH.get();
    t.found = 0;
    scan(text, defaultCurrency, false, t, windowed);
    return result(NO_MENTIONS, t);
  }

  /** Adds the prices of {@code text} to the scratch's found prices. */
  private void scan(String text, String defaultCurrency, boolean title, Scratch t) {
    scan(text, defaultCurrency, title, t, true);
  }

  private void scan(String text, String defaultCurrency, boolean title, Scratch t, boolean windowed) {
    if (text == null || text.isEmpty()) return;
    tokenize(text, t, windowed);
    Parser p = t.parser;
    if (p == null || p.owner() != this) t.parser = p = new Parser(); // one per thread and extractor in use
    p.reset(text, t, currencyIndex(defaultCurrency), title).run();
    p.s = null; // do not keep the text reachable from the thread
  }

  static int currencyIndex(String code) {
    if (code == null) return NONE;
    for (int i = 0; i < CURRENCIES.length; i++) if (CURRENCIES[i].equalsIgnoreCase(code)) return i;
    return NONE;
  }

  // =====================================================================================
  // Tokenizer: one forward pass over the chars.
  // =====================================================================================

  /** Per-thread token buffer, reused across calls so steady-state extraction allocates no arrays. */
  private static final class Scratch {
    int n;
    byte[] type = new byte[64];
    int[] start = new int[64];
    int[] end = new int[64];
    /** NUM: 1 when the number is malformed or overflows; WORD: role flags; SYM: currency; PUNCT: the char. */
    int[] info = new int[64];
    /** WORD: value of the role (currency index, minutes, count). NUM: count of integer digits. */
    int[] value = new int[64];
    /** NUM: amount in hundredths. */
    long[] cents = new long[64];
    /** True when no white space separates the token from the previous one. */
    boolean[] glued = new boolean[64];
    /** Digit groups of the number being read, and the separator before each. */
    final int[] groupDigits = new int[MAX_GROUPS];
    final char[] seps = new char[MAX_GROUPS];
    /** The text being tokenized (see tokenize). */
    char[] chars = new char[256];
    /** The parser last used on this thread (reset per text; see scan). */
    Parser parser;
    /** Prices found so far by this extract call: amount in hundredths, and (start, end, currency + 1 or 0, minutes | title bit). */
    int found;
    long[] foundCents = new long[8];
    int[] foundInfo = new int[32];

    void found(long cents, int currency, int minutes, int start, int end, boolean title) {
      if (found == foundCents.length) {
        foundCents = java.util.Arrays.copyOf(foundCents, 2 * found);
        foundInfo = java.util.Arrays.copyOf(foundInfo, 8 * found);
      }
      foundCents[found] = cents;
      int k = 4 * found++;
      foundInfo[k] = start;
      foundInfo[k + 1] = end;
      foundInfo[k + 2] = currency >= 0 ? currency + 1 : 0;
      foundInfo[k + 3] = Math.max(minutes, 0) | (title ? PriceMentions.TITLE_BIT : 0);
    }

    int add(byte ty, int s, int e, boolean g) {
      if (n == type.length) grow();
      type[n] = ty;
      start[n] = s;
      end[n] = e;
      glued[n] = g;
      info[n] = 0;
      value[n] = 0;
      cents[n] = 0;
      return n++;
    }

    private void grow() {
      int c = type.length * 2;
      type = java.util.Arrays.copyOf(type, c);
      start = java.util.Arrays.copyOf(start, c);
      end = java.util.Arrays.copyOf(end, c);
      info = java.util.Arrays.copyOf(info, c);
      value = java.util.Arrays.copyOf(value, c);
      cents = java.util.Arrays.copyOf(cents, c);
      glued = java.util.Arrays.copyOf(glued, c);
    }

    /** Drops buffers grown by one huge text so one thread does not keep them forever. */
    void trim() {
      if (type.length > 1 << 14) {
        Scratch fresh = new Scratch();
        type = fresh.type; start = fresh.start; end = fresh.end; info = fresh.info; value = fresh.value;
        cents = fresh.cents; glued = fresh.glued;
      }
      if (chars.length > 1 << 16) chars = new char[256];
      if (foundCents.length > 1 << 12) {
        foundCents = new long[8];
        foundInfo = new int[32];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Tokens a window reaches back before its first number: more than {@link #RATES_WINDOW} (a rates
   * word or price further back cannot reach the number) plus the few tokens the parser looks back
   * from a number (sign, label, phone chain, "US$").
   */
  static final int WINDOW_TOKENS_BEFORE = RATES_WINDOW + 8;
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
   * rates word or price at most {@link #RATES_WINDOW} tokens before it) lies inside its window; what it
   * carries from one window into the next (an unclaimed duration, an open rates list) is by then too
   * far from any number of the next window to count, as it would be in the whole text. Why: price
   * tokenization is one of the largest parts of the core path, and much of an advert's text is far
   * from any digit. {@code PriceExtractorWindowProperties} checks the result against
   * {@link #extractWhole}.
   */
  private static void tokenize(String s, Scratch t, boolean windowed) {
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
  private static int tokenizeWindow(char[] b, int len, int from, int tokensAfter, Scratch t) {
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
        // WordTable.find
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
        t.info[k] = symbolCurrency(c);
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

  private static char lower(char c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    return Character.toLowerCase(c);
  }

  private static boolean isCurrencySymbol(char c) {
    if (c < 0x80) return c == '$';
    if (Character.isSurrogate(c)) return false; // emoji halves: no type lookup (no currency sign is one)
    return Character.getType(c) == Character.CURRENCY_SYMBOL;
  }

  /** Non-breaking and thin spaces: deliberate digit grouping ("5 000 ₽"). */
  private static boolean isGroupingSpace(char c) { return c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u2007'; }

  private static final int MAX_GROUPS = 8;
  private static final int MAX_INTEGER_DIGITS = 12;

  /**
   * Reads a number starting at {@code i}: digits with optional group separators ({@code 1,000},
   * {@code 1.000}, {@code 5 000}) and an optional one- or two-digit decimal part ({@code 80.50},
   * {@code 80,50}). Shapes that are neither (dates such as {@code 12.05.2024}, IP-like strings) and
   * numbers with more than 12 integer digits are kept as one token marked malformed.
   */
  private static int scanNumber(char[] b, int len, int i, Scratch t, boolean glued) {
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

  private static int symbolCurrency(char c) {
    switch (c) {
      case '$': return USD;
      case '€': return EUR;
      case '£': return GBP;
      case '₽': return RUB;
      case '¥': return JPY;
      case '₴': return UAH;
      case '₹': return INR;
      case '₺': return TRY;
      case '₩': return KRW;
      case '₱': return PHP;
      case '₪': return ILS;
      case '฿': return THB;
      case '₫': return VND;
      default: return UNKNOWN;
    }
  }

  // =====================================================================================
  // Recogniser: one forward pass over the tokens with bounded lookahead.
  // =====================================================================================

  private final class Parser {
    String s;
    Scratch t;
    int defaultCurrency;
    int dollar;
    boolean title; // prices of the title (field "title"), else of the text
    // the last duration seen that no amount has claimed yet
    int durMinutes = -1;
    int durFirst = -1;
    int durLast = -1;
    int ratesUntil = -1;

    PriceExtractor owner() { return PriceExtractor.this; }

    /** Starts on one text: every field is set as a new parser would have it. */
    Parser reset(String s, Scratch t, int defaultCurrency, boolean title) {
      durMinutes = -1;
      durFirst = -1;
      durLast = -1;
      ratesUntil = -1;
      this.s = s;
      this.t = t;
      this.defaultCurrency = defaultCurrency;
      // "$" means the market's own dollar when the market declares a dollar currency
      this.dollar = defaultCurrency == CAD || defaultCurrency == AUD || defaultCurrency == NZD
          || defaultCurrency == SGD || defaultCurrency == HKD || defaultCurrency == MXN ? defaultCurrency : USD;
      this.title = title;
      return this;
    }

    void run() {
      int i = 0;
      byte[] type = t.type;
      int[] info = t.info;
      int n = t.n;
      while (i < n) {
        // punctuation and words without a role start nothing here (duration and amount return at once
        // for them): skipped without the calls, as they are most tokens
        byte ty = type[i];
        if (ty == PUNCT || ty == WORD && info[i] == 0) {
          i++;
          continue;
        }
        long d = duration(i);
        if (d >= 0) {
          durMinutes = (int) (d >>> 32);
          durFirst = i;
          durLast = (int) d;
          i = durLast + 1;
          continue;
        }
        int next = amount(i);
        if (next > i) {
          i = next;
          continue;
        }
        if (ty == WORD && (info[i] & W_RATES) != 0) ratesUntil = i + RATES_WINDOW;
        i++;
      }
    }

    // ---------------- durations ----------------

    /** Duration starting at token i: (minutes << 32 | last token), or -1. */
    long duration(int i) {
      if (i >= t.n) return -1;
      byte ty = t.type[i];
      if (ty == WORD) {
        int f = t.info[i];
        if ((f & W_FIXED) != 0) return pack(t.value[i], i);
        if ((f & W_HOUR) != 0) return pack(60, i);
        if ((f & W_HALF) != 0) {
          int j = i + 1;
          if (isPunct(j, '-') && t.glued[j]) j++;
          if (isWord(j, W_COUNT) && t.value[j] == 1) j++; // "half an hour"
          if (isWord(j, W_HOUR)) return pack(30, j);
          // "$160*Half / $200*Hour": "half" alone, glued to the joiner after an amount, is half an hour
          if (j == i + 1 && i > 1 && t.glued[i] && t.type[i - 1] == PUNCT && t.glued[i - 1] && t.type[i - 2] == NUM
              && joinsAfter(i - 1)) {
            return pack(30, i);
          }
          return -1;
        }
        if ((f & W_FULL) != 0 && isWord(i + 1, W_HOUR)) return pack(60, i + 1);
        if ((f & W_COUNT) != 0) {
          int j = i + 1;
          if (isWord(j, W_FULL)) j++;
          if (isWord(j, W_HOUR)) return pack(60 * t.value[i], j);
          if ((f & W_HALF) == 0 && isWord(j, W_HALF) && isWord(j + 1, W_HOUR)) return pack(30, j + 1);
          return -1;
        }
        return -1;
      }
      if (ty == NUM && t.info[i] == 0) {
        long cents = t.cents[i];
        // "1/2 hr"
        if (cents == 100 && isPunct(i + 1, '/') && t.glued[i + 1] && i + 2 < t.n && t.type[i + 2] == NUM
            && t.glued[i + 2] && t.cents[i + 2] == 200 && isWord(i + 3, W_HOUR)) {
          return pack(30, i + 3);
        }
        if (!clean(i, true)) return -1;
        int j = i + 1;
        if (isPunct(j, '-') && t.glued[j]) j++; // "1-hour"
        if (isWord(j, W_HOUR)) {
          if (cents % 50 != 0 || cents <= 0 || cents > 48 * 100) return -1;
          return pack((int) (cents * 60 / 100), j);
        }
        if (isWord(j, W_MIN)) {
          if (cents % 100 != 0 || cents <= 0 || cents > 24 * 60 * 100) return -1;
          return pack((int) (cents / 100), j);
        }
      }
      return -1;
    }

    long pack(int minutes, int last) { return minutes <= 0 ? -1 : ((long) minutes << 32) | last; }

    /** Duration after an amount that ends at token {@code last}, skipping up to two joining tokens. */
    long durationAfter(int last) {
      int j = last + 1;
      for (int skipped = 0; skipped <= 2 && j < t.n; skipped++) {
        long d = duration(j);
        if (d >= 0) return d;
        if (!joinsAfter(j)) return -1;
        j++;
      }
      return -1;
    }

    boolean joinsAfter(int j) {
      byte ty = t.type[j];
      if (ty == WORD) return (t.info[j] & W_AFTER) != 0;
      if (ty == PUNCT) {
        int c = t.info[j];
        return c == '/' || c == '-' || c == '–' || c == ':' || c == '(' || c == '=' || c == '*' || c == '@';
      }
      return false;
    }

    boolean joinsBefore(int j) {
      byte ty = t.type[j];
      if (ty == WORD) return (t.info[j] & W_BEFORE) != 0;
      if (ty == PUNCT) {
        int c = t.info[j];
        return c == ':' || c == '-' || c == '–' || c == '—' || c == '=' || c == '@' || c == '(' || c == ')'
            || c == '.' && t.glued[j]; // "2 Std. 300 €": the dot of an abbreviated unit
      }
      return false;
    }

    /** The unclaimed duration just before token {@code first} (at most two joining tokens between), or -1. */
    int durationBefore(int first) {
      if (durMinutes < 0 || durLast >= first || first - durLast - 1 > 2) return -1;
      for (int j = durLast + 1; j < first; j++) if (!joinsBefore(j)) return -1;
      return durMinutes;
    }

    // ---------------- amounts ----------------

    /**
     * Tries to read a price starting at token i (a currency marker followed by a number, or a number).
     * Returns the index after what it consumed when it emitted something, else i.
     */
    int amount(int i) {
      int first = i;
      int p = i;
      int preCur = NONE;
      int startChar;
      if (isMarker(p) && p + 1 < t.n && t.type[p + 1] == NUM) {
        if (negativeBefore(p)) return i;
        preCur = markerCurrency(p);
        startChar = t.start[p];
        // "US$", "C$", "A$", "NZ$"
        if (t.type[p] == SYM && t.info[p] == USD && p > 0 && t.glued[p] && t.type[p - 1] == WORD) {
          int pc = dollarPrefix(p - 1);
          if (pc != NONE) {
            preCur = pc;
            startChar = t.start[p - 1];
            first = p - 1;
          }
        }
        p++;
      } else if (t.type[p] == NUM) {
        if (negativeBefore(p)) return i;
        startChar = t.start[p];
      } else {
        return i;
      }
      int a1 = p;
      if (!amountOk(a1)) return i;
      p++;
      int postCur = NONE;
      if (postfixMarker(p)) {
        postCur = markerCurrency(p);
        p++;
      }
      // range: "80-100$", "$80 - $100", "80 to 100 eur"
      int a2 = -1;
      int rangeCur1 = NONE;
      int rangeCur2 = NONE;
      if (p < t.n && isRangeWord(p)) {
        int q = p + 1;
        int rc = NONE;
        if (isMarker(q) && q + 1 < t.n && t.type[q + 1] == NUM) {
          rc = markerCurrency(q);
          q++;
        }
        // not a range when the second number counts a duration ("$80 - 30 min")
        if (q < t.n && t.type[q] == NUM && amountOk(q) && t.cents[q] > t.cents[a1] && duration(q) < 0) {
          a2 = q;
          rangeCur1 = rc;
          q++;
          if (postfixMarker(q)) {
            rangeCur2 = markerCurrency(q);
            q++;
          }
          p = q;
        }
      }
      int last = p - 1;
      int cur = merge(merge(merge(preCur, postCur), rangeCur1), rangeCur2);
      if (cur == UNKNOWN || cur == CONFLICT) return p; // unknown or conflicting currency: no price, no guess
      boolean marked = cur != NONE;
      if (cur == EUPHEMISM || cur == NONE) cur = defaultCurrency;
      // duration: an unclaimed one just before the amount wins ("hh $80, hr $150"), else one just after
      int minutes = durationBefore(first);
      boolean before = minutes > 0;
      int spanStart = before ? t.start[durFirst] : startChar;
      int spanEnd = t.end[last];
      int next = p;
      if (!before) {
        long d = durationAfter(last);
        if (d >= 0) {
          minutes = (int) (d >>> 32);
          next = (int) d + 1;
          spanEnd = t.end[(int) d];
        }
      }
      // a bare number is a price only with a duration, and inside a rates list or when the market's
      // currency is known ("100hh 150hr", "HH60 H80", "2hrs 300", "час - 5000": read in the currency of
      // the advert's baseline)
      if (!marked && (minutes <= 0 || i >= ratesUntil && (defaultCurrency < 0 || t.cents[a1] < MIN_BARE_CENTS))) return i;
      if (before) durMinutes = -1; // claimed
      // kept compact; PriceMentions builds the PriceMention (currency code, boxed minutes, amount) on read
      t.found(t.cents[a1], cur, minutes, spanStart, spanEnd, title);
      if (a2 >= 0) t.found(t.cents[a2], cur, minutes, spanStart, spanEnd, title);
      ratesUntil = next + RATES_WINDOW; // a price opens (or continues) a rates list
      return next;
    }

    /** Two markers agree, one is absent, or one is a euphemism; MIN_VALUE on conflict. */
    int merge(int a, int b) {
      if (a == CONFLICT || b == CONFLICT) return CONFLICT;
      if (a == NONE) return b;
      if (b == NONE || a == b) return a;
      if (a == UNKNOWN || b == UNKNOWN) return UNKNOWN;
      if (a == EUPHEMISM) return b;
      if (b == EUPHEMISM) return a;
      return CONFLICT;
    }

    boolean isMarker(int j) {
      if (j >= t.n) return false;
      if (t.type[j] == SYM) return true;
      return t.type[j] == WORD && (t.info[j] & (W_CUR | W_EUPH)) != 0;
    }

    /** A marker after a number, unless it is glued to the following number instead ("30 $80"). */
    boolean postfixMarker(int j) {
      if (!isMarker(j)) return false;
      if (j + 1 < t.n && t.type[j + 1] == NUM && t.glued[j + 1] && !t.glued[j]) return false;
      return true;
    }

    int markerCurrency(int j) {
      if (t.type[j] == SYM) return t.info[j] == USD ? dollar : t.info[j];
      if ((t.info[j] & W_EUPH) != 0) return EUPHEMISM;
      return t.value[j];
    }

    int dollarPrefix(int j) {
      int len = t.end[j] - t.start[j];
      if (len > 2) return NONE;
      String w = s.substring(t.start[j], t.end[j]).toUpperCase(Locale.ROOT); // at most two chars, rare path
      switch (w) {
        case "US": return USD;
        case "C": case "CA": return CAD;
        case "A": case "AU": return AUD;
        case "NZ": return NZD;
        default: return NONE;
      }
    }

    boolean isRangeWord(int j) {
      if (t.type[j] == PUNCT) {
        int c = t.info[j];
        return c == '-' || c == '–' || c == '—' || c == '~';
      }
      return t.type[j] == WORD && (t.info[j] & W_TO) != 0;
    }

    /** A minus sign glued to the amount (and not joining it to a previous token): a negative amount. */
    boolean negativeBefore(int j) {
      if (j == 0) return false;
      int m = j - 1;
      if (!t.glued[j] || t.type[m] != PUNCT) return false;
      int c = t.info[m];
      if (c != '-' && c != '−') return false;
      return m == 0 || !t.glued[m];
    }

    /** Token j is a well-formed positive number within range that is not part of a time, date, size or phone number. */
    boolean amountOk(int j) {
      if (t.type[j] != NUM || t.info[j] != 0) return false;
      long c = t.cents[j];
      if (c <= 0 || c > maxCents) return false;
      return clean(j, false);
    }

    /** Not glued into a time, date, fraction, height, percentage, phone chain, or followed by an age/size unit. */
    boolean clean(int j, boolean durationCount) {
      if (t.info[j] != 0) return false;
      // glued to a previous number by : / ' . (10:30, 24/7, 5'6, 12/05) or marked by # or +; a
      // duration count may follow a slash ("$80/30min": its unit after it rules out a date)
      if (j > 0 && t.glued[j] && t.type[j - 1] == PUNCT) {
        int c = t.info[j - 1];
        if (c == '#' || c == '+') return false;
        if (isJoiner(c) && j > 1 && t.glued[j - 1] && t.type[j - 2] == NUM && !(durationCount && c == '/')) return false;
      }
      if (j + 1 < t.n && t.glued[j + 1]) {
        if (t.type[j + 1] == PUNCT) {
          int c = t.info[j + 1];
          if (c == '%') return false;
          if (isJoiner(c) && j + 2 < t.n && t.glued[j + 2] && t.type[j + 2] == NUM
              && !(c == '/' && !durationCount && duration(j + 2) >= 0)) {
            return false;
          }
          if ((c == '\'' || c == '’' || c == '"' || c == '″' || c == '′')) return false; // 5' or 34"
        } else if (t.type[j + 1] == WORD && (t.info[j + 1] & W_NOT_AMOUNT) != 0) {
          return false;
        }
      }
      // a currency sign between two glued numbers joins a phone number's groups ("555$$555$$0153")
      if (symbolJoined(j)) return false;
      // labelled as something else: "age 23", "age: 23", "size 8"
      int l = j - 1;
      if (l >= 0 && t.type[l] == PUNCT && (t.info[l] == ':' || t.info[l] == '-')) l--;
      if (l >= 0 && t.type[l] == WORD && (t.info[l] & W_LABEL) != 0) return false;
      return chainLength(j) < 3 && !phonePair(j);
    }

    /** Number j is glued through one or more currency signs to another number, before or after it. */
    boolean symbolJoined(int j) {
      int k = j + 1;
      while (k < t.n && t.type[k] == SYM && t.glued[k]) k++;
      if (k > j + 1 && k < t.n && t.type[k] == NUM && t.glued[k]) return true;
      k = j - 1;
      boolean sign = false;
      while (k >= 0 && t.type[k] == SYM && t.glued[k + 1]) {
        sign = true;
        k--;
      }
      return sign && k >= 0 && t.type[k] == NUM && t.glued[k + 1];
    }

    boolean isJoiner(int c) { return c == ':' || c == '/' || c == '\'' || c == '’' || c == '.' || c == '′'; }

    /** Numbers linked by single - . ( ) or white space, as in "555-123-4567" or "555 123 4567". */
    int chainLength(int j) {
      int n = 1;
      int k = j;
      while (n < 3) {
        int prev = linkedLeft(k);
        if (prev < 0) break;
        n++;
        k = prev;
      }
      k = j;
      while (n < 3) {
        int next = linkedRight(k);
        if (next < 0) break;
        n++;
        k = next;
      }
      return n;
    }

    int linkedRight(int k) {
      int a = k + 1;
      if (a >= t.n) return -1;
      if (t.type[a] == NUM) return a; // white space between numbers
      if (t.type[a] == PUNCT && a + 1 < t.n && t.type[a + 1] == NUM) {
        int c = t.info[a];
        if (isPhoneSep(c) && t.glued[a] && t.glued[a + 1]) return a + 1;
        if (c == ')') return a + 1;
      }
      return -1;
    }

    int linkedLeft(int k) {
      int a = k - 1;
      if (a < 0) return -1;
      if (t.type[a] == NUM) return a;
      if (t.type[a] == PUNCT && a > 0 && t.type[a - 1] == NUM) {
        int c = t.info[a];
        if (isPhoneSep(c) && t.glued[a] && t.glued[k]) return a - 1;
        if (c == ')') return a - 1;
      }
      return -1;
    }

    boolean isPhoneSep(int c) { return c == '-' || c == '.' || c == '–'; }

    /** "555-1234": three digits, a dash, four digits. */
    boolean phonePair(int j) {
      if (t.value[j] == 3 && j + 2 < t.n && isPunct(j + 1, '-') && t.glued[j + 1] && t.type[j + 2] == NUM
          && t.glued[j + 2] && t.value[j + 2] == 4) {
        return true;
      }
      return t.value[j] == 4 && j >= 2 && isPunct(j - 1, '-') && t.glued[j - 1] && t.glued[j] && t.type[j - 2] == NUM
          && t.value[j - 2] == 3;
    }

    boolean isPunct(int j, char c) { return j < t.n && j >= 0 && t.type[j] == PUNCT && t.info[j] == c; }

    boolean isWord(int j, int flag) { return j < t.n && t.type[j] == WORD && (t.info[j] & flag) != 0; }
  }

  // =====================================================================================
  // Vocabulary: read from price-words.txt (per language, one role per line)
  // =====================================================================================

  /** The vocabulary file, beside this class: roles of words by language (format in its header). */
  static final String VOCABULARY = "price-words.txt";

  private static WordTable buildWords() {
    WordTable w = new WordTable();
    for (int i = 0; i < CURRENCIES.length; i++) w.put(CURRENCIES[i].toLowerCase(Locale.ROOT), W_CUR, i);
    try (java.io.InputStream in = PriceExtractor.class.getResourceAsStream(VOCABULARY)) {
      if (in == null) throw new IllegalStateException(VOCABULARY + " is missing beside " + PriceExtractor.class.getName());
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      readVocabulary(text, VOCABULARY, w);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + VOCABULARY, e);
    }
    return w;
  }

  /**
   * Adds the lines of a vocabulary file to {@code w}. A shipped file that does not parse is a build
   * error: it fails class initialisation with the file, the line and the reason.
   */
  static void readVocabulary(String text, String file, WordTable w) {
    String[] lines = text.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\\s+");
      String where = file + ":" + (ln + 1) + ": ";
      if (f.length < 4) throw new IllegalStateException(where + "expected: role value language word…");
      if (!f[2].matches("[a-z]{2}")) throw new IllegalStateException(where + "language '" + f[2] + "' is not a two-letter code");
      int flags = 0;
      for (String role : f[0].split("\\+")) {
        int flag = roleFlag(role);
        if (flag == 0) throw new IllegalStateException(where + "unknown role '" + role + "'");
        flags |= flag;
      }
      int value;
      if ((flags & W_CUR) != 0) {
        value = currencyIndex(f[1]);
        if (value < 0) throw new IllegalStateException(where + "unknown currency '" + f[1] + "'");
      } else if (f[1].equals("-")) {
        value = 0;
      } else {
        try {
          value = Integer.parseInt(f[1]);
        } catch (NumberFormatException e) {
          throw new IllegalStateException(where + "value '" + f[1] + "' is not a number or '-'");
        }
      }
      for (int k = 3; k < f.length; k++) {
        if (!f[k].equals(f[k].toLowerCase(Locale.ROOT))) throw new IllegalStateException(where + "'" + f[k] + "' is not lower case");
        w.put(f[k], flags, value);
      }
    }
  }

  private static int roleFlag(String role) {
    return switch (role) {
      case "currency" -> W_CUR;
      case "euphemism" -> W_EUPH;
      case "hour" -> W_HOUR;
      case "minute" -> W_MIN;
      case "fixed" -> W_FIXED;
      case "half" -> W_HALF;
      case "full" -> W_FULL;
      case "after" -> W_AFTER;
      case "before" -> W_BEFORE;
      case "to" -> W_TO;
      case "rates" -> W_RATES;
      case "count" -> W_COUNT;
      case "not-amount" -> W_NOT_AMOUNT;
      case "label" -> W_LABEL;
      default -> 0;
    };
  }

  /**
   * Open-addressing table from lower-case words to (role flags, value), looked up directly on a range
   * of the text with a case-insensitive hash so no substring is created per word.
   */
  static final class WordTable {
    // about 230 words: at most one eighth full, so a lookup of an ordinary word (most are not in the
    // table) usually stops at the first empty slot (every word of an advert is looked up)
    private String[] keys = new String[2048];
    private long[] vals = new long[2048];

    void put(String word, int flags, int value) {
      int slot = find(word.toCharArray(), 0, word.length());
      if (keys[slot] != null) {
        long old = vals[slot];
        int oldFlags = (int) (old >>> 32);
        vals[slot] = ((long) (oldFlags | flags) << 32) | ((flags & W_NOT_AMOUNT) != 0 && oldFlags != 0
            ? (int) old : value);
        return;
      }
      keys[slot] = word;
      vals[slot] = ((long) flags << 32) | (value & 0xffffffffL);
    }

    /** (flags << 32 | value) of the word at s[start, end), or 0. */
    long lookup(char[] s, int start, int end) {
      if (end - start > 24) return 0;
      int slot = find(s, start, end);
      return keys[slot] == null ? 0 : vals[slot];
    }

    /** {@link #lookup(char[], int, int)} given the word's {@link #hash}, computed by the caller. */
    long lookup(char[] s, int start, int end, int hash) {
      if (end - start > 24) return 0;
      int slot = find(s, start, end, hash);
      return keys[slot] == null ? 0 : vals[slot];
    }

    /** The case-insensitive hash of s[start, end) the table uses. */
    static int hash(char[] s, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) h = 31 * h + lower(s[i]);
      return h;
    }

    private int find(char[] s, int start, int end) { return find(s, start, end, hash(s, start, end)); }

    private int find(char[] s, int start, int end, int h) {
      int mask = keys.length - 1;
      int slot = (h ^ (h >>> 16)) & mask;
      int len = end - start;
      while (keys[slot] != null) {
        String k = keys[slot];
        if (k.length() == len && equalsLower(k, s, start, len)) return slot;
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private static boolean equalsLower(String key, char[] s, int start, int len) {
      for (int i = 0; i < len; i++) if (lower(s[start + i]) != key.charAt(i)) return false;
      return true;
    }
  }
}
