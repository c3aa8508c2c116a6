package org.redflag.price;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable list of prices {@link PriceExtractor} returns: structured prices are kept as
 * {@link PriceMention}s, prices found in the title or text in compact arrays (amount in hundredths,
 * currency index, minutes, span), and each such {@code PriceMention} (with its {@code BigDecimal}
 * amount) is built when it is read. {@link #get(int)} returns a new, equal object on every call
 * (prices are values: compare with {@code equals}). {@code Assessment} keeps such a list as it is
 * instead of copying it.
 *
 * <p>Why: one {@code PriceMention} and one {@code BigDecimal} per price, plus the growing list that
 * collects them, allocate in proportion to the prices of adverts whose prices are often never read. Reading
 * every price allocates what building them eagerly did, just later.
 */
public final class PriceMentions extends AbstractList<PriceMention> implements RandomAccess {
  private static final String TITLE = "title";

  private final PriceMention[] structured; // the advert's own prices, first (or every price of a copied list)
  private final long[] cents;              // found prices: amount in hundredths
  private final int[] info;                // found prices: 4 ints each (see PriceParser.found)
  private final int size;

  /** No prices. */
  public static final PriceMentions EMPTY = new PriceMentions(new PriceMention[0], new long[0], new int[0]);

  /** A list holding {@code prices} (copied; no null element). */
  public static PriceMentions copyOf(List<PriceMention> prices) {
    if (prices.isEmpty()) return EMPTY;
    PriceMention[] all = prices.toArray(new PriceMention[0]);
    for (int i = 0; i < all.length; i++) Objects.requireNonNull(all[i], "price " + i);
    return new PriceMentions(all, new long[0], new int[0]);
  }

  PriceMentions(PriceMention[] structured, long[] cents, int[] info) {
    this.structured = structured;
    this.cents = cents;
    this.info = info;
    this.size = structured.length + cents.length;
  }

  @Override
  public int size() { return size; }

  @Override
  public PriceMention get(int i) {
    Objects.checkIndex(i, size);
    if (i < structured.length) return structured[i];
    int k = i - structured.length;
    int cur = info[4 * k + 2];
    int flags = info[4 * k + 3];
    int c = cur & 0xffff;
    return new PriceMention(amount(cents[k]), c == 0 ? null : PriceVocabulary.CURRENCIES[c - 1],
        (flags & MINUTES_MASK) == 0 ? null : Integer.valueOf(flags & MINUTES_MASK), info[4 * k], info[4 * k + 1],
        (flags & TITLE_BIT) != 0 ? TITLE : null);
  }

  /**
   * {@link HourlyRate#lowest} of this list without building a {@code PriceMention} per price (only the
   * winner's). The rate is computed as there, {@code amount.doubleValue() * 60.0 / minutes}, with
   * {@code cents / 100.0} for the amount's double: both are the correctly rounded value of the exact
   * decimal (cents are below 2^52), so they are the same double (tested against the general path).
   */
  HourlyRate lowestHourlyRate(String currency) {
    if (structured.length > 0) return HourlyRate.lowest(java.util.Arrays.asList(structured), currency); // only they count
    int best = -1;
    double bestRate = 0;
    for (int k = 0; k < cents.length; k++) {
      int minutes = info[4 * k + 3] & MINUTES_MASK;
      int c = info[4 * k + 2];
      if (minutes == 0 || c == 0 || !currency.equals(PriceVocabulary.CURRENCIES[c - 1])) continue;
      double r = cents[k] / 100.0 * 60.0 / minutes;
      if (!(r > 0) || !Double.isFinite(r)) continue;
      if (best < 0 || r < bestRate) {
        best = k;
        bestRate = r;
      }
    }
    return best < 0 ? null : new HourlyRate(bestRate, currency, get(best));
  }

  // like List.copyOf lists (what extract returned before): null is never an element and is rejected
  @Override
  public int indexOf(Object o) { return super.indexOf(Objects.requireNonNull(o)); }

  @Override
  public int lastIndexOf(Object o) { return super.lastIndexOf(Objects.requireNonNull(o)); }

  @Override
  public boolean contains(Object o) { return indexOf(o) >= 0; }

  static final int TITLE_BIT = 1 << 30;
  static final int MINUTES_MASK = TITLE_BIT - 1;

  /** The amount of {@code cents} hundredths as extraction reports it: integral amounts with scale 0. */
  static BigDecimal amount(long cents) {
    return cents % 100 == 0 ? BigDecimal.valueOf(cents / 100) : BigDecimal.valueOf(cents, 2).stripTrailingZeros();
  }
}
