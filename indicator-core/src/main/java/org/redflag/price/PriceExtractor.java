package org.redflag.price;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
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
 * path, so it must be linear-time and allocate almost nothing. Three rooms: {@link PriceTokenizer}
 * makes one forward pass over the chars into tokens (numbers parsed in place, words looked up without
 * creating strings) in a per-thread buffer that is reused; {@link PriceParser} makes one forward pass
 * over those tokens with a lookahead of at most a few tokens; {@link PriceVocabulary} holds the words
 * and signs both read, per language, from the resource {@code price-words.json}. Prices found are
 * kept in compact arrays: the returned lists are {@link PriceMentions}, which build each
 * {@link PriceMention} when it is read. Immutable and thread-safe.
 */
public final class PriceExtractor {
  /** Amounts above this are treated as absurd (typing errors, phone numbers) and ignored. */
  public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000");

  private static final PriceExtractor DEFAULTS = new PriceExtractor(DEFAULT_MAX_AMOUNT);

  /**
   * One parser (with its token buffer) per thread, reused across calls and extractors so that
   * steady-state extraction allocates no arrays.
   */
  private static final ThreadLocal<PriceParser> PARSER = ThreadLocal.withInitial(PriceParser::new);

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
    PriceParser p = PARSER.get();
    p.clearFound();
    String title = advert.title().orElse(null);
    if (title != null) scan(title, defaultCurrency, true, p, true);
    scan(advert.text(), defaultCurrency, false, p, true);
    return result(structured, p);
  }

  private static final PriceMention[] NO_MENTIONS = new PriceMention[0];

  /** The prices found, as a compact list (see {@link PriceMentions}). */
  private static PriceMentions result(PriceMention[] structured, PriceParser p) {
    if (structured.length == 0 && p.found == 0) return PriceMentions.EMPTY;
    return new PriceMentions(structured, Arrays.copyOf(p.foundCents, p.found), Arrays.copyOf(p.foundInfo, 4 * p.found));
  }

  /** Prices in one text, in text order; spans index into {@code text}. */
  public PriceMentions extract(String text) { return extract(text, null); }

  /** Prices in one text with a default currency for euphemisms (see {@link #extract(Advert, String)}). */
  public PriceMentions extract(String text, String defaultCurrency) { return extract(text, defaultCurrency, true); }

  /**
   * {@link #extract(String, String)} with every token of the text read (no windows; see
   * {@link PriceTokenizer#tokenize}): the reference the windowed scan is tested against.
   */
  PriceMentions extractWhole(String text, String defaultCurrency) { return extract(text, defaultCurrency, false); }

  private PriceMentions extract(String text, String defaultCurrency, boolean windowed) {
    PriceParser p = PARSER.get();
    p.clearFound();
    scan(text, defaultCurrency, false, p, windowed);
    return result(NO_MENTIONS, p);
  }

  /** Adds the prices of {@code text} to the parser's found prices. */
  private void scan(String text, String defaultCurrency, boolean title, PriceParser p, boolean windowed) {
    if (text == null || text.isEmpty()) return;
    PriceTokenizer.tokenize(text, p.t, windowed);
    p.reset(text, PriceVocabulary.currencyIndex(defaultCurrency), title, maxCents).run();
    p.s = null; // do not keep the text reachable from the thread
  }
}
