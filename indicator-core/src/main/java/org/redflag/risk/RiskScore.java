package org.redflag.risk;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * A model's answer for one advert: probability-like score in [0, 1], its band, and the contribution
 * of each indicator or feature to the log-odds (negative for protective ones).
 */
public record RiskScore(double score, Band band, Map<String, Double> contributions) {
  public RiskScore {
    if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("score must be within [0, 1], was " + score);
    // a SortedDoubleMap is already immutable and sorted: no copy
    if (!(contributions instanceof SortedDoubleMap)) contributions = ImmutableSortedMap.copyOf(contributions);
  }
}
