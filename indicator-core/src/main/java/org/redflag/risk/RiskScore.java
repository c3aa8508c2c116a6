package org.redflag.risk;

import java.util.Map;
import java.util.Objects;

/**
 * A model's answer for one advert: probability-like score in [0, 1], its band, and the contribution
 * of each indicator or feature to the log-odds (negative for protective ones).
 */
public record RiskScore(double score, Band band, SortedDoubleMap contributions) {
  /** A {@link SortedDoubleMap} is immutable and sorted: kept as it is. */
  public RiskScore {
    if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("score must be within [0, 1], was " + score);
    Objects.requireNonNull(contributions, "contributions");
  }

  /** From any map of contributions (copied). */
  public RiskScore(double score, Band band, Map<String, Double> contributions) {
    this(score, band, SortedDoubleMap.copyOf(contributions));
  }
}
