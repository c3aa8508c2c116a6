package org.redflag.price;

import java.util.List;
import java.util.Objects;

/**
 * One advert's hourly rate in one currency, and the price it comes from. An advert with several
 * prices ({@code $80 hh, $150 hr}) is represented by its lowest hourly-normalised price, because a low
 * price is what the market comparison looks for; structured prices ({@code prices[i]}) win over
 * prices read from the title or text.
 */
public record HourlyRate(double rate, String currency, PriceMention price) {
  public HourlyRate {
    if (!(rate > 0) || !Double.isFinite(rate)) throw new IllegalArgumentException("hourly rate must be positive and finite, was " + rate);
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(price, "price");
  }

  /**
   * As {@link #lowest(List, String)}, on the extractor's compact list: builds a {@code PriceMention}
   * for the winner only.
   */
  public static HourlyRate lowest(PriceMentions prices, String currency) {
    return prices == null || currency == null ? null : prices.lowestHourlyRate(currency);
  }

  /**
   * The lowest hourly rate among prices in {@code currency} with a known duration, considering only
   * structured prices when the advert has any; {@code null} when there is none.
   */
  public static HourlyRate lowest(List<PriceMention> prices, String currency) {
    if (prices == null || prices.isEmpty() || currency == null) return null;
    boolean structured = false;
    for (PriceMention p : prices) if (isStructured(p)) structured = true;
    // one HourlyRate for the winner and no OptionalDouble per price (AssessBenchmark.assessWithBaseline)
    PriceMention best = null;
    double bestRate = 0;
    for (int i = 0; i < prices.size(); i++) {
      PriceMention p = prices.get(i);
      if (structured && !isStructured(p)) continue;
      if (p.minutes() == null || !currency.equals(p.currency())) continue;
      double r = p.amount().doubleValue() * 60.0 / p.minutes(); // as PriceMention.hourlyRate()
      if (!(r > 0) || !Double.isFinite(r)) continue;
      if (best == null || r < bestRate) {
        best = p;
        bestRate = r;
      }
    }
    return best == null ? null : new HourlyRate(bestRate, currency, best);
  }

  /** A price the caller gave in {@code Advert.prices} rather than one read from text. */
  public static boolean isStructured(PriceMention p) { return p.field() != null && p.field().startsWith("prices["); }
}
