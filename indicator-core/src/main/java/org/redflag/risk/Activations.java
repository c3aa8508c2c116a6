package org.redflag.risk;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * Model input for one advert: the strength in [0, 1] of every evaluated indicator (0 when it did not
 * fire) and numeric features contributed by indicators and stages (e.g. {@code price.percentile}).
 */
public record Activations(Map<String, Double> strengths, Map<String, Double> features) {
  public Activations {
    // a SortedDoubleMap is already immutable and sorted: no copy
    if (!(strengths instanceof SortedDoubleMap)) strengths = ImmutableSortedMap.copyOf(strengths);
    features = ImmutableSortedMap.copyOf(features);
  }

  public double strength(String indicator) {
    return strengths instanceof SortedDoubleMap s ? s.getDouble(indicator, 0) : strengths.getOrDefault(indicator, 0.0);
  }
}
