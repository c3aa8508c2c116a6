package org.redflag.risk;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;

/**
 * Model input for one advert: the strength in [0, 1] of every evaluated indicator (0 when it did not
 * fire) and numeric features contributed by indicators and stages (e.g. {@code price.percentile}).
 */
public record Activations(SortedDoubleMap strengths, Map<String, Double> features) {
  /** A {@link SortedDoubleMap} is immutable and sorted: kept as it is (the engine's, per advert). */
  public Activations {
    Objects.requireNonNull(strengths, "strengths");
    features = ImmutableSortedMap.copyOf(features);
  }

  /** From any map of strengths (copied). */
  public Activations(Map<String, Double> strengths, Map<String, Double> features) {
    this(SortedDoubleMap.copyOf(strengths), features);
  }

  public double strength(String indicator) { return strengths.getDouble(indicator, 0); }
}
