package org.redflag.price;

import static org.redflag.price.PriceTokens.NUM;
import static org.redflag.price.PriceTokens.PUNCT;
import static org.redflag.price.PriceTokens.SYM;
import static org.redflag.price.PriceTokens.WORD;
import static org.redflag.price.PriceVocabulary.AUD;
import static org.redflag.price.PriceVocabulary.CAD;
import static org.redflag.price.PriceVocabulary.CONFLICT;
import static org.redflag.price.PriceVocabulary.EUPHEMISM;
import static org.redflag.price.PriceVocabulary.HKD;
import static org.redflag.price.PriceVocabulary.MXN;
import static org.redflag.price.PriceVocabulary.NONE;
import static org.redflag.price.PriceVocabulary.NZD;
import static org.redflag.price.PriceVocabulary.SGD;
import static org.redflag.price.PriceVocabulary.UNKNOWN;
import static org.redflag.price.PriceVocabulary.USD;
import static org.redflag.price.PriceVocabulary.W_AFTER;
import static org.redflag.price.PriceVocabulary.W_BEFORE;
import static org.redflag.price.PriceVocabulary.W_COUNT;
import static org.redflag.price.PriceVocabulary.W_CUR;
import static org.redflag.price.PriceVocabulary.W_EUPH;
import static org.redflag.price.PriceVocabulary.W_FIXED;
import static org.redflag.price.PriceVocabulary.W_FULL;
import static org.redflag.price.PriceVocabulary.W_HALF;
import static org.redflag.price.PriceVocabulary.W_HOUR;
import static org.redflag.price.PriceVocabulary.W_LABEL;
import static org.redflag.price.PriceVocabulary.W_MIN;
import static org.redflag.price.PriceVocabulary.W_NOT_AMOUNT;
import static org.redflag.price.PriceVocabulary.W_RATES;
import static org.redflag.price.PriceVocabulary.W_TO;

import java.util.Arrays;

/**
 * The second pass of price extraction: one forward pass over the {@link PriceTokens} of a text with a
 * lookahead of at most a few tokens, recognising amounts (a currency marker and a number, ranges), the
 * durations before or after them, and rates lists; the prices found are collected in compact arrays
 * that {@link PriceExtractor} hands to {@link PriceMentions}. One parser per thread, reset per text
 * ({@link #reset}); the prices it collects are cleared per extract call ({@link #clearFound}).
 */
final class PriceParser {
  static final int RATES_WINDOW = 24;
  /** A bare amount outside a rates list is read only from 10 up (below, a count or an age is likelier). */
  private static final long MIN_BARE_CENTS = 10_00;

  /** The token buffer this parser reads, filled by {@link PriceTokenizer} for each text. */
  final PriceTokens t = new PriceTokens();

  /** Prices found since {@link #clearFound}: amount in hundredths, and (start, end, currency + 1 or 0, minutes | title bit). */
  int found;
  long[] foundCents = new long[8];
  int[] foundInfo = new int[32];

  String s;
  long maxCents;
  int defaultCurrency;
  int dollar;
  boolean title; // prices of the title (field "title"), else of the text
  // the last duration seen that no amount has claimed yet
  int durMinutes = -1;
  int durFirst = -1;
  int durLast = -1;
  int ratesUntil = -1;

  /** Starts on one text: every field is set as a new parser would have it. */
  PriceParser reset(String s, int defaultCurrency, boolean title, long maxCents) {
    durMinutes = -1;
    durFirst = -1;
    durLast = -1;
    ratesUntil = -1;
    this.s = s;
    this.maxCents = maxCents;
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
    found(t.cents[a1], cur, minutes, spanStart, spanEnd, title);
    if (a2 >= 0) found(t.cents[a2], cur, minutes, spanStart, spanEnd, title);
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
    return PriceVocabulary.dollarPrefix(s.substring(t.start[j], t.end[j])); // at most two chars, rare path
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

  void clearFound() {
    found = 0;
    if (foundCents.length > 1 << 12) { // dropped after one huge text so one thread does not keep them forever
      foundCents = new long[8];
      foundInfo = new int[32];
    }
  }

  void found(long cents, int currency, int minutes, int start, int end, boolean title) {
    if (found == foundCents.length) {
      foundCents = Arrays.copyOf(foundCents, 2 * found);
      foundInfo = Arrays.copyOf(foundInfo, 8 * found);
    }
    foundCents[found] = cents;
    int k = 4 * found++;
    foundInfo[k] = start;
    foundInfo[k + 1] = end;
    foundInfo[k + 2] = currency >= 0 ? currency + 1 : 0;
    foundInfo[k + 3] = Math.max(minutes, 0) | (title ? PriceMentions.TITLE_BIT : 0);
  }
}
