package org.redflag.indicator;

import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;

/**
 * What one indicator found in one advert: a strength in [0, 1] (0 means it did not fire), the
 * evidence for it, and optional numeric features (e.g. a price percentile) for risk models.
 */
public record IndicatorOutcome(double strength, List<Evidence> evidence, Map<String, Double> features) {
  private static final IndicatorOutcome NONE = new IndicatorOutcome(0, List.of(), ImmutableSortedMap.of());

  public IndicatorOutcome {
    if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("strength must be within [0, 1], was " + strength);
    evidence = EvidenceList.immutable(evidence); // an EvidenceList stays lazy (see there)
    features = ImmutableSortedMap.copyOf(features);
    for (Map.Entry<String, Double> f : features.entrySet()) {
      if (!Double.isFinite(f.getValue())) throw new IllegalArgumentException("feature '" + f.getKey() + "' is not finite");
    }
  }

  /** Did not fire, no evidence. */
  public static IndicatorOutcome none() { return NONE; }

  /** Fired with the given strength and evidence. */
  public static IndicatorOutcome fired(double strength, List<Evidence> evidence) {
    return new IndicatorOutcome(strength, evidence, ImmutableSortedMap.of()); // copyOf keeps it as is
  }

  public boolean fired() { return strength > 0; }

  public IndicatorOutcome withFeatures(Map<String, Double> features) {
    return new IndicatorOutcome(strength, evidence, features);
  }
}
