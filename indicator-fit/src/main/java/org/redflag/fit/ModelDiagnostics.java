package org.redflag.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redflag.risk.Activations;
import org.redflag.risk.Band;
import org.redflag.risk.Calibration;

/**
 * What a researcher needs to judge a fitted model beyond its cross-validated metrics, on the same
 * folds: bootstrap intervals of AUC and average precision (whole groups resampled when the folds
 * were grouped), metrics per fold and their spread, an operating-point table (review workload,
 * precision and recall from each band up), a drop-one ablation (cross-validated AUC and log loss
 * refitted without each indicator that fired in some but not all adverts), and the same figures for a comparison model, usually the
 * default prior, scored on the same adverts.
 *
 * <p>The fitted model's figures use its out-of-fold calibrated scores; the comparison model is not
 * fitted on this data, so its plain scores are already out of sample. The ablation compares
 * uncalibrated out-of-fold scores ({@code sigmoid(z)}) with and without the indicator, so that the
 * calibration step, itself fitted by cross-validation, does not blur the difference.
 */
public final class ModelDiagnostics {
  /** Scores of another model for the same adverts, in row order, with the band it gave each. */
  public record Comparison(String label, double[] scores, Band[] bands) {
    public Comparison {
      Objects.requireNonNull(label, "label");
      scores = scores.clone();
      bands = bands.clone();
      if (scores.length != bands.length) throw new IllegalArgumentException("need one band per score");
    }
  }

  /** Metrics of one fold's adverts (NaN where the fold holds one class only). */
  public record FoldMetrics(int fold, int adverts, int positives, double auc, double averagePrecision, double brier, double logLoss) {}

  /** Mean, sample standard deviation, minimum and maximum of a metric over the folds where it is defined. */
  public record Spread(double mean, double sd, double min, double max, int folds) {
    static Spread of(double[] v) {
      double[] d = java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
      if (d.length == 0) return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
      double mean = java.util.Arrays.stream(d).average().orElse(Double.NaN);
      double ss = 0;
      for (double x : d) ss += (x - mean) * (x - mean);
      double sd = d.length > 1 ? Math.sqrt(ss / (d.length - 1)) : Double.NaN;
      return new Spread(mean, sd, java.util.Arrays.stream(d).min().orElse(Double.NaN), java.util.Arrays.stream(d).max().orElse(Double.NaN), d.length);
    }
  }

  /**
   * Reviewing every advert in {@code band} or higher: how many ({@code adverts}, and as a share of
   * all, {@code workload}), the positive share among them (precision) and the share of all positives
   * they hold (recall). {@code threshold} is the band's lower score bound when known, else NaN.
   */
  public record OperatingPoint(Band band, double threshold, int adverts, double workload, double precision, double recall) {}

  /** One set of scores: ranking and calibration metrics with intervals, per-fold metrics, operating points. */
  public record Summary(String name, TrainingResult.MetricSet metrics, Interval aucCi, Interval apCi, List<FoldMetrics> folds,
      Spread aucSpread, Spread apSpread, Spread brierSpread, Spread logLossSpread, List<OperatingPoint> operatingPoints) {
    public Summary {
      folds = ImmutableList.copyOf(folds);
      operatingPoints = ImmutableList.copyOf(operatingPoints);
    }
  }

  /** Cross-validated uncalibrated AUC and log loss without one indicator, and the change against the full model. */
  public record Ablation(String indicator, double auc, double logLoss, double aucChange, double logLossChange) {}

  private final Summary fitted;
  private final Summary comparison;
  private final double fullAuc;
  private final double fullLogLoss;
  private final List<Ablation> ablation;
  private final int replicates;
  private final long seed;
  private final boolean grouped;

  private ModelDiagnostics(Summary fitted, Summary comparison, double fullAuc, double fullLogLoss, List<Ablation> ablation, int replicates,
      long seed, boolean grouped) {
    this.fitted = fitted;
    this.comparison = comparison;
    this.fullAuc = fullAuc;
    this.fullLogLoss = fullLogLoss;
    this.ablation = ImmutableList.copyOf(ablation);
    this.replicates = replicates;
    this.seed = seed;
    this.grouped = grouped;
  }

  /**
   * Diagnostics of {@code r}, fitted on {@code rows} with {@code o}; {@code comparison} may be null;
   * {@code replicates} bootstrap resamples (0: no intervals) with {@code seed}.
   */
  public static ModelDiagnostics of(TrainingResult r, List<Activations> rows, TrainingOptions o, Comparison comparison, int replicates,
      long seed) {
    int[] y = r.labels();
    int[] fold = r.folds();
    int[] group = r.groups();
    if (rows.size() != y.length) throw new IllegalArgumentException("need the " + y.length + " rows the model was fitted on, got " + rows.size());
    double[] p = r.outOfFoldProbabilities();
    Band[] bands = new Band[p.length];
    for (int i = 0; i < p.length; i++) bands[i] = r.model().band(p[i]);
    Summary fitted = summary("fitted " + r.model().label() + " (out-of-fold, calibrated)", p, bands, y, fold, group, o.folds(),
        new double[] {o.elevated(), o.high()}, replicates, seed);
    Summary other = null;
    if (comparison != null) {
      if (comparison.scores().length != y.length) throw new IllegalArgumentException("need one comparison score per row");
      other = summary(comparison.label(), comparison.scores(), comparison.bands(), y, fold, group, o.folds(), null, replicates, seed);
    }
    // drop-one ablation on the same folds, uncalibrated
    FeatureSpace space = r.space();
    double[][] x = new double[rows.size()][];
    for (int i = 0; i < x.length; i++) x[i] = space.vector(rows.get(i));
    double[] full = oofProbabilities(x, y, fold, o.folds(), null, o);
    double fullAuc = safeAuc(full, y);
    double fullLogLoss = Metrics.logLoss(full, y);
    List<Ablation> ablation = new ArrayList<>();
    List<FeatureSpace.Column> cols = space.columns();
    for (int j = 0; j < cols.size(); j++) {
      // an indicator that never (or always) fired has weight 0 and nothing to take away
      if (cols.get(j).kind() != FeatureSpace.Kind.INDICATOR || !r.terms().get(j).estimable()) continue;
      String id = cols.get(j).name();
      boolean[] drop = new boolean[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        FeatureSpace.Column col = cols.get(c);
        drop[c] = c == j || (col.kind() == FeatureSpace.Kind.INTERACTION && (id.equals(col.first()) || id.equals(col.second())));
      }
      double[] q = oofProbabilities(x, y, fold, o.folds(), drop, o);
      double auc = safeAuc(q, y);
      double ll = Metrics.logLoss(q, y);
      ablation.add(new Ablation(id, auc, ll, auc - fullAuc, ll - fullLogLoss));
    }
    return new ModelDiagnostics(fitted, other, fullAuc, fullLogLoss, ablation, replicates, seed, group != null);
  }

  private static double safeAuc(double[] p, int[] y) {
    int pos = 0;
    for (int v : y) pos += v;
    return pos == 0 || pos == y.length ? Double.NaN : Metrics.rocAuc(p, y);
  }

  /** {@code sigmoid} of the out-of-fold log-odds from models fitted without each fold, leaving out the {@code drop} columns. */
  static double[] oofProbabilities(double[][] x, int[] y, int[] fold, int k, boolean[] drop, TrainingOptions o) {
    int n = y.length;
    double[][] xs = new double[n][];
    for (int i = 0; i < n; i++) {
      if (drop == null) {
        xs[i] = x[i];
        continue;
      }
      int kept = 0;
      for (boolean d : drop) if (!d) kept++;
      double[] v = new double[kept];
      int c = 0;
      for (int j = 0; j < x[i].length; j++) if (!drop[j]) v[c++] = x[i][j];
      xs[i] = v;
    }
    double[] out = new double[n];
    for (int f = 0; f < k; f++) {
      List<double[]> tx = new ArrayList<>();
      List<Integer> ty = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] != f) {
          tx.add(xs[i]);
          ty.add(y[i]);
        }
      }
      LogisticRegression.Fit fit = LogisticRegression.fit(tx.toArray(new double[0][]), ty.stream().mapToInt(Integer::intValue).toArray(), o.solver());
      for (int i = 0; i < n; i++) if (fold[i] == f) out[i] = Calibration.sigmoid(fit.logOdds(xs[i]));
    }
    return out;
  }

  private static Summary summary(String name, double[] p, Band[] bands, int[] y, int[] fold, int[] group, int k, double[] thresholds,
      int replicates, long seed) {
    int pos = 0;
    for (int v : y) pos += v;
    boolean bothClasses = pos > 0 && pos < y.length;
    TrainingResult.MetricSet m = new TrainingResult.MetricSet(safeAuc(p, y), bothClasses ? Metrics.averagePrecision(p, y) : Double.NaN,
        Metrics.brier(p, y), Metrics.logLoss(p, y), Metrics.expectedCalibrationError(p, y, RiskModelTrainer.ECE_BINS));
    Interval aucCi = null, apCi = null;
    if (replicates > 0 && bothClasses) {
      RankingBootstrap.Result b = RankingBootstrap.of(p, y, group, replicates, seed);
      aucCi = b.auc();
      apCi = b.averagePrecision();
    }
    List<FoldMetrics> folds = new ArrayList<>();
    double[][] per = new double[4][k];
    for (int f = 0; f < k; f++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < y.length; i++) if (fold[i] == f) idx.add(i);
      double[] fp = new double[idx.size()];
      int[] fy = new int[idx.size()];
      int fpos = 0;
      for (int i = 0; i < fp.length; i++) {
        fp[i] = p[idx.get(i)];
        fy[i] = y[idx.get(i)];
        fpos += fy[i];
      }
      boolean both = fpos > 0 && fpos < fp.length;
      FoldMetrics fm = fp.length == 0 ? new FoldMetrics(f + 1, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
          : new FoldMetrics(f + 1, fp.length, fpos, both ? Metrics.rocAuc(fp, fy) : Double.NaN,
              both ? Metrics.averagePrecision(fp, fy) : Double.NaN, Metrics.brier(fp, fy), Metrics.logLoss(fp, fy));
      folds.add(fm);
      per[0][f] = fm.auc();
      per[1][f] = fm.averagePrecision();
      per[2][f] = fm.brier();
      per[3][f] = fm.logLoss();
    }
    List<OperatingPoint> points = new ArrayList<>();
    Band[] all = Band.values();
    for (int b = all.length - 1; b >= 1; b--) { // from HIGH down to ELEVATED; from LOW up is everything
      int m1 = 0, tp = 0;
      for (int i = 0; i < y.length; i++) {
        if (bands[i].compareTo(all[b]) >= 0) {
          m1++;
          tp += y[i];
        }
      }
      double threshold = thresholds == null ? Double.NaN : thresholds[b - 1];
      points.add(new OperatingPoint(all[b], threshold, m1, (double) m1 / y.length, m1 == 0 ? Double.NaN : (double) tp / m1,
          pos == 0 ? Double.NaN : (double) tp / pos));
    }
    return new Summary(name, m, aucCi, apCi, folds, Spread.of(per[0]), Spread.of(per[1]), Spread.of(per[2]), Spread.of(per[3]), points);
  }

  public Summary fitted() { return fitted; }
  public Optional<Summary> comparison() { return Optional.ofNullable(comparison); }
  /** Cross-validated uncalibrated AUC of the full model, the reference of the ablation. */
  public double fullAuc() { return fullAuc; }
  public double fullLogLoss() { return fullLogLoss; }
  /** One row per estimable indicator column (one that fired in some but not all adverts), in column order. */
  public List<Ablation> ablation() { return ablation; }
  public int replicates() { return replicates; }
  public long seed() { return seed; }
  /** Whether folds (and bootstrap resamples) kept groups together. */
  public boolean grouped() { return grouped; }

  /** As JSON: {@code fitted}, {@code comparison} (when given), {@code ablation}, {@code bootstrap}. */
  public ObjectNode toJson() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("grouped", grouped);
    o.set("fitted", json(fitted));
    if (comparison != null) o.set("comparison", json(comparison));
    ObjectNode ab = o.putObject("ablation");
    Evaluation.num(ab, "fullAuc", fullAuc);
    Evaluation.num(ab, "fullLogLoss", fullLogLoss);
    ArrayNode rows = ab.putArray("withoutIndicator");
    for (Ablation a : ablation) {
      ObjectNode r = rows.addObject();
      r.put("indicator", a.indicator());
      Evaluation.num(r, "auc", a.auc());
      Evaluation.num(r, "logLoss", a.logLoss());
      Evaluation.num(r, "aucChange", a.aucChange());
      Evaluation.num(r, "logLossChange", a.logLossChange());
    }
    ObjectNode b = o.putObject("bootstrap");
    b.put("replicates", replicates);
    b.put("seed", seed);
    b.put("resamples", grouped ? "groups" : "adverts");
    return o;
  }

  private static ObjectNode json(Summary s) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("name", s.name());
    Evaluation.num(o, "auc", s.metrics().rocAuc());
    Evaluation.interval(o, "aucCi", s.aucCi());
    Evaluation.num(o, "averagePrecision", s.metrics().averagePrecision());
    Evaluation.interval(o, "apCi", s.apCi());
    Evaluation.num(o, "brier", s.metrics().brier());
    Evaluation.num(o, "logLoss", s.metrics().logLoss());
    Evaluation.num(o, "ece", s.metrics().ece());
    ArrayNode folds = o.putArray("folds");
    for (FoldMetrics f : s.folds()) {
      ObjectNode fo = folds.addObject();
      fo.put("fold", f.fold());
      fo.put("adverts", f.adverts());
      fo.put("positives", f.positives());
      Evaluation.num(fo, "auc", f.auc());
      Evaluation.num(fo, "averagePrecision", f.averagePrecision());
      Evaluation.num(fo, "brier", f.brier());
      Evaluation.num(fo, "logLoss", f.logLoss());
    }
    ObjectNode spread = o.putObject("foldSpread");
    spread(spread, "auc", s.aucSpread());
    spread(spread, "averagePrecision", s.apSpread());
    spread(spread, "brier", s.brierSpread());
    spread(spread, "logLoss", s.logLossSpread());
    ArrayNode ops = o.putArray("operatingPoints");
    for (OperatingPoint p : s.operatingPoints()) {
      ObjectNode po = ops.addObject();
      po.put("band", p.band().name());
      Evaluation.num(po, "threshold", p.threshold());
      po.put("adverts", p.adverts());
      Evaluation.num(po, "workload", p.workload());
      Evaluation.num(po, "precision", p.precision());
      Evaluation.num(po, "recall", p.recall());
    }
    return o;
  }

  private static void spread(ObjectNode o, String k, Spread s) {
    ObjectNode x = o.putObject(k);
    Evaluation.num(x, "mean", s.mean());
    Evaluation.num(x, "sd", s.sd());
    Evaluation.num(x, "min", s.min());
    Evaluation.num(x, "max", s.max());
    x.put("folds", s.folds());
  }
}
