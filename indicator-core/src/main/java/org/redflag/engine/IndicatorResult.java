package org.redflag.engine;

/**
 * One row per evaluated indicator: whether it fired, its strength in [0, 1], and its contribution
 * to the model's log-odds (negative for indicators the model treats as protective). The contribution
 * is measured before any probability calibration of the model (see {@code LogisticRiskModel}).
 * {@code moreEvidence} counts this indicator's evidence items left out of the assessment by the
 * engine's evidence limits ({@link RiskEngine.Builder#evidenceLimits}); it is 0 when all are kept.
 */
public record IndicatorResult(String id, boolean fired, double strength, double contribution, int moreEvidence) {

  public IndicatorResult {
    if (moreEvidence < 0) throw new IllegalArgumentException("moreEvidence must be >= 0, was " + moreEvidence);
  }

  /** A row with all its evidence kept. */
  public IndicatorResult(String id, boolean fired, double strength, double contribution) {
    this(id, fired, strength, contribution, 0);
  }
}
