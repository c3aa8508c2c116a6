package org.redflag.indicator;

/**
 * Computes one shared value per advert before indicators run (e.g. price mentions, NLP features),
 * so several indicators can read it without recomputing. Stages run in registration order and see
 * the values of earlier stages. Implementations must be thread-safe and must not throw on any input.
 */
public interface AnalysisStage<T> {
  AnalysisKey<T> key();

  /** The value for this advert, or {@code null} when there is none. */
  T analyze(AdvertAnalysis analysis);
}
