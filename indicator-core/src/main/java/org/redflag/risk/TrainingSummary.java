package org.redflag.risk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;

/**
 * How a fitted model was made, stored in its file so the model can be audited: number of labelled
 * rows and positives, when it was trained, the pack versions the activations came from,
 * cross-validated metrics (e.g. {@code cv.rocAuc}), and the training settings.
 */
public record TrainingSummary(long rows, long positives, String trainedAt, List<String> packs, Map<String, Double> metrics,
    Map<String, String> settings) {
  public TrainingSummary {
    if (rows < 0 || positives < 0 || positives > rows) {
      throw new IllegalArgumentException("need 0 <= positives <= rows, were " + positives + " and " + rows);
    }
    if (trainedAt == null || trainedAt.isBlank()) throw new IllegalArgumentException("trainedAt is required");
    packs = ImmutableList.copyOf(packs);
    metrics = ImmutableSortedMap.copyOf(metrics);
    for (Map.Entry<String, Double> m : metrics.entrySet()) {
      if (!Double.isFinite(m.getValue())) throw new IllegalArgumentException("metric '" + m.getKey() + "' must be finite, was " + m.getValue());
    }
    settings = ImmutableSortedMap.copyOf(settings);
  }

  /** Share of positive rows. */
  public double positiveRate() { return rows == 0 ? 0 : (double) positives / rows; }
}
