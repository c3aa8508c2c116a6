package org.redflag.price;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;

/**
 * {@code price.anomaly}: the advert's hourly rate is below a low quantile (default the 5th
 * percentile) of its market's baseline. Prices far below the local market are an OSCE red flag; a
 * low price alone says nothing about any person and is a lead for review.
 *
 * <p>No call (strength 0) when the advert's market has no baseline, when it has no price in the
 * baseline's currency with a known duration, or when the baseline has fewer than the minimum number
 * of rates; in the last case the evidence says so. Whenever a usable baseline and rate exist the
 * advert gets the numeric features {@code price.percentile} (0-100) and {@code price.compared} (1),
 * fired or not.
 */
public final class PriceAnomalyIndicator implements Indicator {
  public static final String ID = "price.anomaly";
  public static final String FEATURE = "price.percentile";
  /**
   * 1 whenever {@link #FEATURE} is given. Models fill an absent feature with 0, which for a percentile
   * would read as "cheapest in the market"; this indicator column lets a linear model tell "no
   * comparison" from "percentile 0".
   */
  public static final String COMPARED_FEATURE = "price.compared";
  public static final double DEFAULT_QUANTILE = 0.05;
  public static final int DEFAULT_MIN_OBSERVATIONS = 30;
  static final String ENTRY_LOW = "price.below-market-quantile";
  static final String ENTRY_TOO_FEW = "price.baseline-too-small";

  private final double quantile;
  private final int minObservations;

  /** The 5th percentile and at least 30 rates (used by {@link java.util.ServiceLoader}). */
  public PriceAnomalyIndicator() { this(DEFAULT_QUANTILE, DEFAULT_MIN_OBSERVATIONS); }

  /**
   * @param quantile fires when the rate is below this quantile of the market, in (0, 0.5]
   * @param minObservations baselines with fewer rates give no call
   */
  public PriceAnomalyIndicator(double quantile, int minObservations) {
    if (!(quantile > 0 && quantile <= 0.5)) throw new IllegalArgumentException("quantile must be within (0, 0.5], was " + quantile);
    if (minObservations < 1) throw new IllegalArgumentException("minObservations must be at least 1, was " + minObservations);
    this.quantile = quantile;
    this.minObservations = minObservations;
  }

  @Override public String id() { return ID; }

  @Override
  public String description() {
    return "The advertised hourly rate is far below the rates of the advert's market (below the "
        + percent(quantile) + "th percentile of its baseline).";
  }

  public double quantile() { return quantile; }

  public int minObservations() { return minObservations; }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    MarketBaseline baseline = analysis.get(PriceStages.BASELINE).orElse(null);
    if (baseline == null) return IndicatorOutcome.none();
    PriceMentions prices = analysis.get(PriceStages.PRICES).orElse(PriceMentions.EMPTY);
    HourlyRate rate = HourlyRate.lowest(prices, baseline.currency());
    if (rate == null) return IndicatorOutcome.none(); // no comparable price: other currency or no duration
    if (baseline.count() < minObservations) {
      Map<String, Object> details = details(rate, baseline);
      String source = "market baseline " + baseline.label();
      details.put("status", "no call: the baseline has " + baseline.count() + " rates, fewer than the minimum of "
          + minObservations);
      return new IndicatorOutcome(0, List.of(evidence(analysis, rate.price(), ENTRY_TOO_FEW, source, details)), Map.of());
    }
    double percentile = baseline.rankOf(rate.rate()) * 100;
    double threshold = baseline.quantile(quantile);
    Map<String, Double> features = Map.of(FEATURE, round(percentile), COMPARED_FEATURE, 1.0);
    // details and the source label only when there is evidence: most rates are not below the
    // threshold (allocation per advert, AssessBenchmark.assessWithBaseline)
    if (!(rate.rate() < threshold)) return new IndicatorOutcome(0, List.of(), features);
    Map<String, Object> details = details(rate, baseline);
    String source = "market baseline " + baseline.label();
    details.put("marketMedian", round(baseline.median()));
    details.put("percentile", round(percentile));
    details.put("thresholdPercentile", round(quantile * 100));
    details.put("thresholdRate", round(threshold));
    details.put("status", "hourly rate " + fmt(rate.rate()) + " " + rate.currency() + " is below the market's "
        + percent(quantile) + "th percentile (" + fmt(threshold) + "); market median " + fmt(baseline.median()));
    return new IndicatorOutcome(1.0, List.of(evidence(analysis, rate.price(), ENTRY_LOW, source, details)), features);
  }

  private Map<String, Object> details(HourlyRate rate, MarketBaseline baseline) {
    Map<String, Object> details = new TreeMap<>();
    details.put("rate", round(rate.rate()));
    details.put("currency", rate.currency());
    details.put("market", baseline.market());
    baseline.category().ifPresent(c -> details.put("category", c));
    details.put("observations", baseline.count());
    details.put("minObservations", minObservations);
    return details;
  }

  private static Evidence evidence(AdvertAnalysis analysis, PriceMention p, String entry, String source,
      Map<String, Object> details) {
    if (p.start() >= 0) {
      String text = "title".equals(p.field()) ? analysis.advert().title().orElse("") : analysis.advert().text();
      return new Evidence(ID, p.start(), p.end(), text.substring(p.start(), p.end()), entry, source, p.field(), details);
    }
    String match = p.amount().toPlainString() + (p.currency() == null ? "" : " " + p.currency())
        + (p.minutes() == null ? "" : " / " + p.minutes() + " min");
    return new Evidence(ID, null, null, match, entry, source, p.field(), details);
  }

  private static double round(double v) { return Math.round(v * 100) / 100.0; }

  private static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

  private static String percent(double q) {
    double p = q * 100;
    return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
  }
}
