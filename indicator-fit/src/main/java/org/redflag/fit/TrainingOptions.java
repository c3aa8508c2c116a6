package org.redflag.fit;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.redflag.risk.ActivationMode;

/**
 * Settings for {@link RiskModelTrainer}. Defaults: binary activations, L2 penalty 1, no L1, no
 * interactions, 5-fold cross-validation with seed 20240601, calibration chosen by cross-validated
 * Brier score, bands 0.25 / 0.6, no bootstrap. Immutable; the {@code with...} methods return changed copies.
 */
public record TrainingOptions(ActivationMode mode, LogisticRegression.Options solver, boolean interactions,
    int interactionMinSupport, int folds, long seed, Calibrators.Method calibration, String modelId, String modelVersion,
    String description, double elevated, double high, List<String> packs, String trainedAt, int bootstrap) {

  public TrainingOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(solver, "solver");
    if (interactionMinSupport < 1) throw new IllegalArgumentException("interactionMinSupport must be at least 1, was " + interactionMinSupport);
    if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + folds);
    if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("modelId is required");
    if (modelVersion == null || modelVersion.isBlank()) throw new IllegalArgumentException("modelVersion is required");
    if (!(elevated > 0 && elevated < high && high < 1)) {
      throw new IllegalArgumentException("band thresholds must satisfy 0 < elevated < high < 1, were " + elevated + ", " + high);
    }
    packs = ImmutableList.copyOf(packs);
    if (bootstrap != 0 && bootstrap < 20) throw new IllegalArgumentException("bootstrap needs 0 (off) or at least 20 replicates, was " + bootstrap);
  }

  public static TrainingOptions defaults() {
    return new TrainingOptions(ActivationMode.BINARY, LogisticRegression.Options.defaults(), false, 10, 5, 20240601L, null,
        "calibrated", "1", null, 0.25, 0.6, List.of(), null, 0);
  }

  public TrainingOptions withMode(ActivationMode m) { return new TrainingOptions(m, solver, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withSolver(LogisticRegression.Options s) { return new TrainingOptions(mode, s, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withL2(double l2) { return withSolver(solver.withL2(l2)); }
  public TrainingOptions withL1(double l1) { return withSolver(solver.withL1(l1)); }
  /** Adds a column for every pair of indicators active together in at least {@code minSupport} rows. */
  public TrainingOptions withInteractions(boolean on, int minSupport) { return new TrainingOptions(mode, solver, on, minSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withFolds(int k) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, k, seed, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withSeed(long s) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, s, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  /** A fixed calibration method; null chooses by cross-validation. */
  public TrainingOptions withCalibration(Calibrators.Method m) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, m, modelId, modelVersion, description, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withModel(String id, String version, String desc) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, calibration, id, version, desc, elevated, high, packs, trainedAt, bootstrap); }
  public TrainingOptions withBands(double e, double h) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, e, h, packs, trainedAt, bootstrap); }
  /** Pack labels the activations came from, recorded in the training summary. */
  public TrainingOptions withPacks(List<String> p) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, p, trainedAt, bootstrap); }
  /** Training time recorded in the model (ISO-8601); null means now. Fix it for reproducible files. */
  /**
   * Also estimates percentile intervals of the weights from {@code replicates} bootstrap refits
   * (rows resampled with replacement, seeded from {@code seed}); 0 turns it off. Worth it with L1,
   * where the Hessian intervals are only approximate.
   */
  public TrainingOptions withBootstrap(int replicates) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, packs, trainedAt, replicates); }
  public TrainingOptions withTrainedAt(String t) { return new TrainingOptions(mode, solver, interactions, interactionMinSupport, folds, seed, calibration, modelId, modelVersion, description, elevated, high, packs, t, bootstrap); }
}
