package org.redflag.fit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import org.redflag.risk.LogisticRiskModel;

/**
 * What {@link RiskModelTrainer} produced: the model to ship, and the evidence to judge it by
 * (cross-validated scores and metrics, calibration candidates, per-term table). Immutable; the
 * arrays are copied on access.
 */
public final class TrainingResult {
  /** Metrics of one set of scores. */
  public record MetricSet(double rocAuc, double averagePrecision, double brier, double logLoss, double ece) {
    static MetricSet of(double[] p, int[] y) {
      return new MetricSet(Metrics.rocAuc(p, y), Metrics.averagePrecision(p, y), Metrics.brier(p, y), Metrics.logLoss(p, y),
          Metrics.expectedCalibrationError(p, y, RiskModelTrainer.ECE_BINS));
    }
  }

  /**
   * One model term: how often it was active (non-zero), the positive rate among those rows with a 95%
   * Wilson interval, lift over the base rate (the Wilson bounds divided by the base rate, which is
   * treated as known), positive likelihood ratio (TPR / FPR, 95% log-method interval with 0.5 added to
   * every cell when one is empty), and the fitted weight with its 95% interval (weight +/- 1.96 SE).
   * Ratios are NaN when the term was never active; {@code estimable} is false for constant columns.
   * {@code bootstrapLow} / {@code bootstrapHigh} are the 2.5% and 97.5% percentiles of the weight over
   * bootstrap refits, NaN when no bootstrap was run.
   */
  public record TermRow(String name, FeatureSpace.Kind kind, int support, int positivesActive, double precision,
      double precisionLow, double precisionHigh, double lift, double liftLow, double liftHigh, double likelihoodRatio,
      double likelihoodRatioLow, double likelihoodRatioHigh, double weight, double standardError, boolean estimable,
      double bootstrapLow, double bootstrapHigh) {
    public double weightLow() { return weight - 1.959963984540054 * standardError; }
    public double weightHigh() { return weight + 1.959963984540054 * standardError; }
  }

  private final LogisticRiskModel model;
  private final FeatureSpace space;
  private final int[] labels;
  private final double[] oofLogOdds;
  private final double[] oofCalibrated;
  private final MetricSet cv;
  private final MetricSet cvUncalibrated;
  private final Map<Calibrators.Method, Double> calibrationBrier;
  private final Calibrators.Method calibrationMethod;
  private final List<TermRow> terms;
  private final LogisticRegression.Fit fit;
  private final int[] folds;
  private final int[] groups;

  TrainingResult(LogisticRiskModel model, FeatureSpace space, int[] labels, double[] oofLogOdds, double[] oofCalibrated,
      MetricSet cv, MetricSet cvUncalibrated, Map<Calibrators.Method, Double> calibrationBrier,
      Calibrators.Method calibrationMethod, List<TermRow> terms, LogisticRegression.Fit fit, int[] folds, int[] groups) {
    this.model = model;
    this.space = space;
    this.labels = labels.clone();
    this.oofLogOdds = oofLogOdds.clone();
    this.oofCalibrated = oofCalibrated.clone();
    this.cv = cv;
    this.cvUncalibrated = cvUncalibrated;
    this.calibrationBrier = ImmutableMap.copyOf(calibrationBrier);
    this.calibrationMethod = calibrationMethod;
    this.terms = ImmutableList.copyOf(terms);
    this.fit = fit;
    this.folds = folds.clone();
    this.groups = groups == null ? null : groups.clone();
  }

  /** The fitted, calibrated model (write it with {@link LogisticRiskModel#write}). */
  public LogisticRiskModel model() { return model; }
  public FeatureSpace space() { return space; }
  public int[] labels() { return labels.clone(); }
  public int rows() { return labels.length; }
  public int positives() { int s = 0; for (int v : labels) s += v; return s; }
  /** Out-of-fold log-odds: each row scored by the model fitted without its fold. */
  public double[] outOfFoldLogOdds() { return oofLogOdds.clone(); }
  /** Out-of-fold calibrated probabilities (calibration also fitted without the row's fold). */
  public double[] outOfFoldProbabilities() { return oofCalibrated.clone(); }
  /** Cross-validated metrics of the calibrated scores. */
  public MetricSet crossValidated() { return cv; }
  /** Cross-validated metrics of {@code sigmoid(z)} before calibration. */
  public MetricSet crossValidatedUncalibrated() { return cvUncalibrated; }
  /** Cross-validated Brier score of each calibration candidate (empty when the method was fixed). */
  public Map<Calibrators.Method, Double> calibrationBrier() { return calibrationBrier; }
  public Calibrators.Method calibrationMethod() { return calibrationMethod; }
  /** One row per model column, in {@link FeatureSpace} order. */
  public List<TermRow> terms() { return terms; }
  /** Cross-validation fold of each row, 0 to k - 1. */
  public int[] folds() { return folds.clone(); }
  /** Group index of each row (numbered in order of first appearance), or null when rows were not grouped. */
  public int[] groups() { return groups == null ? null : groups.clone(); }
  /** The final solver fit on all rows. */
  public LogisticRegression.Fit fit() { return fit; }
}
