package org.redflag.fit.report;

import java.io.Serializable;
import java.util.List;
import org.redflag.price.HourlyRate;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceAnomalyIndicator;
import org.redflag.price.PriceMention;

/**
 * Where one advert's hourly rate sits in its market's baseline: the rate divided by the baseline's
 * median (1 is the market median; a ratio has no currency, so groups that span markets can share a
 * median), and whether it is below the baseline's 5th percentile. The rate and the baseline are chosen
 * as {@code price.anomaly} chooses them (the lowest comparable hourly rate; the category's baseline,
 * else the market's), and baselines with fewer rates than that indicator's default minimum give no
 * comparison, so {@code belowP5} counts agree with its default calls.
 */
public record PricePosition(double ratio, boolean belowP5) implements Serializable {
  public PricePosition {
    if (!(ratio > 0) || !Double.isFinite(ratio)) throw new IllegalArgumentException("price ratio must be positive and finite, was " + ratio);
  }

  /** The position of the lowest comparable rate among {@code prices}, or null when no baseline or rate compares. */
  public static PricePosition of(List<PriceMention> prices, String market, String category, MarketBaselines baselines) {
    if (baselines == null || prices.isEmpty()) return null;
    MarketBaseline b = baselines.find(market, category).orElse(null);
    if (b == null || b.count() < PriceAnomalyIndicator.DEFAULT_MIN_OBSERVATIONS) return null;
    HourlyRate rate = HourlyRate.lowest(prices, b.currency());
    if (rate == null) return null;
    return new PricePosition(rate.rate() / b.median(), rate.rate() < b.quantile(PriceAnomalyIndicator.DEFAULT_QUANTILE));
  }
}
