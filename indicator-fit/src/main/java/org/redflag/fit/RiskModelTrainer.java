package org.redflag.fit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.redflag.engine.Assessment;
import org.redflag.risk.Calibration;
import org.redflag.risk.LogisticRiskModel;
import org.redflag.risk.LogisticRiskModel.Weight;
import org.redflag.risk.TrainingSummary;
import org.redflag.risk.Activations;

/**
 * Fits a calibrated {@link LogisticRiskModel} on labelled activations.
 *
 * <ol>
 *   <li>Columns from a {@link FeatureSpace} (indicators, features, optional interactions).</li>
 *   <li>Stratified k-fold cross-validation (seeded shuffle): each row gets out-of-fold log-odds from
 *       a model fitted without its fold.</li>
 *   <li>Calibration: unless fixed, none, Platt and isotonic are each fitted on the out-of-fold
 *       log-odds in a second seeded k-fold split, and the one with the lowest cross-validated Brier
 *       score wins (ties go to the simpler map). The chosen map is then fitted on all out-of-fold
 *       log-odds, so it corrects the over-confidence of a model scored on data it has not seen.</li>
 *   <li>The final model is fitted on all rows; its weights carry standard errors.</li>
 * </ol>
 *
 * <p>Deterministic: the same rows, labels and options give the same model, bit for bit.
 *
 * <p>Degenerate data get a {@link IllegalArgumentException} naming the problem: fewer than
 * {@value #MIN_ROWS} rows, one class only, or fewer rows of a class than folds. Perfectly separable
 * data get finite weights from the L2 penalty (without it, a clear error). Constant columns get weight 0
 * and are marked not estimable.
 */
public final class RiskModelTrainer {
  public static final int MIN_ROWS = 10;
  static final int ECE_BINS = 10;

  private RiskModelTrainer() {}

  /** Trains on assessments (see {@link FeatureSpace#activations(Assessment)}) with labels in {0, 1}. */
  public static TrainingResult trainOnAssessments(List<Assessment> assessments, int[] labels, TrainingOptions o) {
    List<Activations> rows = new ArrayList<>(assessments.size());
    for (Assessment a : assessments) rows.add(FeatureSpace.activations(a));
    return train(rows, labels, o);
  }

  public static TrainingResult train(List<Activations> rows, int[] labels, TrainingOptions o) {
    return train(rows, labels, null, o);
  }

  /**
   * Trains with grouped cross-validation: {@code groups} holds one key per row (e.g. a phone hash or a
   * cluster id), and all rows of a group sit in the same fold, so re-posts of one advert are never
   * on both sides of a split (see {@link #groupedFolds}). The weight bootstrap then resamples groups.
   * A null {@code groups} treats every row as its own group (stratified folds).
   */
  public static TrainingResult train(List<Activations> rows, int[] labels, List<String> groups, TrainingOptions o) {
    int n = rows.size();
    if (groups != null && groups.size() != n) throw new IllegalArgumentException("need one group key per row, got " + n + " rows and " + groups.size() + " keys");
    if (labels.length != n) throw new IllegalArgumentException("need one label per row, got " + n + " rows and " + labels.length + " labels");
    if (n < MIN_ROWS) throw new IllegalArgumentException("need at least " + MIN_ROWS + " labelled rows to fit and cross-validate a model, got " + n);
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("label of row " + i + " must be 0 or 1, was " + labels[i]);
      pos += labels[i];
    }
    if (pos == 0 || pos == n) {
      throw new IllegalArgumentException("all " + n + " labels are " + (pos == 0 ? "0 (negative)" : "1 (positive)") + "; a model needs both classes");
    }
    int minority = Math.min(pos, n - pos);
    if (minority < o.folds()) {
      throw new IllegalArgumentException(o.folds() + "-fold cross-validation needs at least " + o.folds() + " rows of each class; got "
          + pos + " positive and " + (n - pos) + " negative (use fewer folds, at least 2, or more data)");
    }
    FeatureSpace space = FeatureSpace.of(rows, o.mode());
    if (o.interactions()) space = space.withInteractions(rows, o.interactionMinSupport());
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) x[i] = space.vector(rows.get(i));

    // 1. out-of-fold log-odds
    int[] group = groups == null ? null : groupIndex(groups);
    int[] fold = group == null ? stratifiedFolds(labels, o.folds(), o.seed()) : groupedFolds(labels, group, o.folds(), o.seed());
    double[] oof = new double[n];
    for (int f = 0; f < o.folds(); f++) {
      LogisticRegression.Fit fit = fitSubset(x, labels, fold, f, false, o);
      for (int i = 0; i < n; i++) if (fold[i] == f) oof[i] = fit.logOdds(x[i]);
    }

    // 2. calibration choice on out-of-fold log-odds
    int[] calFold = group == null ? stratifiedFolds(labels, o.folds(), o.seed() + 1) : groupedFolds(labels, group, o.folds(), o.seed() + 1);
    Map<Calibrators.Method, Double> brier = new EnumMap<>(Calibrators.Method.class);
    Map<Calibrators.Method, double[]> calibrated = new EnumMap<>(Calibrators.Method.class);
    List<Calibrators.Method> candidates = o.calibration() == null ? List.of(Calibrators.Method.values()) : List.of(o.calibration());
    for (Calibrators.Method m : candidates) {
      double[] pr = new double[n];
      for (int f = 0; f < o.folds(); f++) {
        Calibration c = Calibrators.fit(m, subset(oof, calFold, f), subset(labels, calFold, f));
        for (int i = 0; i < n; i++) if (calFold[i] == f) pr[i] = c.apply(oof[i]);
      }
      calibrated.put(m, pr);
      brier.put(m, Metrics.brier(pr, labels));
    }
    Calibrators.Method chosen = candidates.get(0);
    for (Calibrators.Method m : candidates) if (brier.get(m) < brier.get(chosen)) chosen = m; // enum order: simpler first
    Calibration calibration = Calibrators.fit(chosen, oof, labels);
    double[] sig = new double[n];
    for (int i = 0; i < n; i++) sig[i] = Calibration.sigmoid(oof[i]);
    TrainingResult.MetricSet cv = TrainingResult.MetricSet.of(calibrated.get(chosen), labels);
    TrainingResult.MetricSet cvRaw = TrainingResult.MetricSet.of(sig, labels);

    // 3. final fit on all rows
    LogisticRegression.Fit fit = LogisticRegression.fit(x, labels, o.solver());
    double[][] bootstrap = o.bootstrap() > 0 ? bootstrap(x, labels, group, o) : null;
    List<TrainingResult.TermRow> terms = terms(space, x, labels, fit, bootstrap);
    String folding = group == null ? null
        : (java.util.Arrays.stream(group).max().orElse(-1) + 1) + " groups, each kept in one fold and resampled whole";
    LogisticRiskModel model = buildModel(space, fit, terms, calibration, chosen, o, n, pos, cv, cvRaw,
        o.calibration() == null ? brier : Map.of(), folding);
    return new TrainingResult(model, space, labels, oof, calibrated.get(chosen), cv, cvRaw,
        o.calibration() == null ? brier : Map.of(), chosen, terms, fit, fold, group);
  }

  private static LogisticRegression.Fit fitSubset(double[][] x, int[] y, int[] fold, int f, boolean inFold, TrainingOptions o) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if ((fold[i] == f) == inFold) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    int[] yy = new int[ys.size()];
    for (int i = 0; i < yy.length; i++) yy[i] = ys.get(i);
    return LogisticRegression.fit(xs.toArray(new double[0][]), yy, o.solver());
  }

  private static double[] subset(double[] v, int[] fold, int f) {
    int c = 0;
    for (int g : fold) if (g != f) c++;
    double[] out = new double[c];
    int k = 0;
    for (int i = 0; i < v.length; i++) if (fold[i] != f) out[k++] = v[i];
    return out;
  }

  private static int[] subset(int[] v, int[] fold, int f) {
    int c = 0;
    for (int g : fold) if (g != f) c++;
    int[] out = new int[c];
    int k = 0;
    for (int i = 0; i < v.length; i++) if (fold[i] != f) out[k++] = v[i];
    return out;
  }

  /**
   * Fold of each row: positives and negatives are shuffled separately with {@code java.util.Random(seed)}
   * (its sequence is fixed by the Java specification) and dealt round-robin, so every fold has both
   * classes in nearly the overall proportion.
   */
  public static int[] stratifiedFolds(int[] labels, int k, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[labels.length];
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) if (labels[i] == cls) idx.add(i);
      Collections.shuffle(idx, random);
      for (int j = 0; j < idx.size(); j++) fold[idx.get(j)] = j % k;
    }
    return fold;
  }

  /**
   * Group index of each row: keys numbered 0, 1, ... in order of first appearance.
   */
  static int[] groupIndex(List<String> groups) {
    Map<String, Integer> ids = new java.util.HashMap<>();
    int[] out = new int[groups.size()];
    for (int i = 0; i < out.length; i++) {
      String g = java.util.Objects.requireNonNull(groups.get(i), "group key of row " + i);
      out[i] = ids.computeIfAbsent(g, k -> ids.size());
    }
    return out;
  }

  /**
   * Fold of each row such that all rows of a group share a fold. Groups are shuffled with
   * {@code java.util.Random(seed)}, then dealt largest number of positives first (then largest
   * size) to the fold with the fewest positives so far (for groups without positives: the fewest
   * negatives), ties to the fold with fewer rows, then the lower number. This keeps the classes
   * spread over the folds as evenly as whole groups allow.
   *
   * @throws IllegalArgumentException with fewer groups than folds, or when the positives (or the
   *     negatives) fall into fewer than two folds, so some training split would lack a class
   */
  public static int[] groupedFolds(int[] labels, int[] group, int k, long seed) {
    int g = 0;
    for (int v : group) g = Math.max(g, v + 1);
    if (g < k) throw new IllegalArgumentException(k + "-fold grouped cross-validation needs at least " + k + " groups, got " + g);
    int[] size = new int[g];
    int[] pos = new int[g];
    for (int i = 0; i < group.length; i++) {
      size[group[i]]++;
      pos[group[i]] += labels[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < g; i++) order.add(i);
    Collections.shuffle(order, new Random(seed));
    order.sort((a, b) -> pos[a] != pos[b] ? Integer.compare(pos[b], pos[a]) : Integer.compare(size[b], size[a]));
    int[] foldOfGroup = new int[g];
    int[] foldPos = new int[k];
    int[] foldNeg = new int[k];
    for (int gi : order) {
      int best = 0;
      for (int f = 1; f < k; f++) {
        int[] load = pos[gi] > 0 ? foldPos : foldNeg;
        if (load[f] < load[best] || (load[f] == load[best] && foldPos[f] + foldNeg[f] < foldPos[best] + foldNeg[best])) best = f;
      }
      foldOfGroup[gi] = best;
      foldPos[best] += pos[gi];
      foldNeg[best] += size[gi] - pos[gi];
    }
    int withPos = 0, withNeg = 0;
    for (int f = 0; f < k; f++) {
      if (foldPos[f] > 0) withPos++;
      if (foldNeg[f] > 0) withNeg++;
    }
    if (withPos < 2 || withNeg < 2) {
      throw new IllegalArgumentException("grouped cross-validation: the " + (withPos < 2 ? "positive" : "negative")
          + " labels sit in too few groups to spread over two folds; every training split needs both classes");
    }
    int[] fold = new int[labels.length];
    for (int i = 0; i < fold.length; i++) fold[i] = foldOfGroup[group[i]];
    return fold;
  }

  /**
   * 2.5% and 97.5% percentiles of each weight over {@code o.bootstrap()} refits on rows drawn with
   * replacement ({@code java.util.Random(seed + 2)}); a resample with one class only is drawn again.
   * With groups, whole groups are drawn with replacement instead (a cluster bootstrap), so re-posts
   * do not pass for independent evidence.
   */
  static double[][] bootstrap(double[][] x, int[] y, int[] group, TrainingOptions o) {
    int n = y.length;
    int b = o.bootstrap();
    int p = x[0].length;
    double[][] draws = new double[p][b];
    Random random = new Random(o.seed() + 2);
    List<List<Integer>> members = group == null ? null : members(group);
    for (int r = 0; r < b; r++) {
      List<double[]> xl = new ArrayList<>(n);
      List<Integer> yl = new ArrayList<>(n);
      int pos;
      int attempts = 0;
      do {
        xl.clear();
        yl.clear();
        pos = 0;
        if (members == null) {
          for (int i = 0; i < n; i++) {
            int k = random.nextInt(n);
            xl.add(x[k]);
            yl.add(y[k]);
            pos += y[k];
          }
        } else {
          for (int i = 0; i < members.size(); i++) {
            for (int k : members.get(random.nextInt(members.size()))) {
              xl.add(x[k]);
              yl.add(y[k]);
              pos += y[k];
            }
          }
        }
        if (++attempts > 100) throw new IllegalArgumentException("bootstrap resamples keep missing a class; too few rows of one class for a bootstrap");
      } while (pos == 0 || pos == yl.size());
      int[] ys = yl.stream().mapToInt(Integer::intValue).toArray();
      double[] w = LogisticRegression.fit(xl.toArray(new double[0][]), ys, o.solver()).weights();
      for (int j = 0; j < p; j++) draws[j][r] = w[j];
    }
    double[][] out = new double[p][];
    for (int j = 0; j < p; j++) {
      java.util.Arrays.sort(draws[j]);
      out[j] = new double[] {percentile(draws[j], 0.025), percentile(draws[j], 0.975)};
    }
    return out;
  }

  /** The rows of each group, by group index. */
  static List<List<Integer>> members(int[] group) {
    int g = 0;
    for (int v : group) g = Math.max(g, v + 1);
    List<List<Integer>> out = new ArrayList<>(g);
    for (int i = 0; i < g; i++) out.add(new ArrayList<>());
    for (int i = 0; i < group.length; i++) out.get(group[i]).add(i);
    return out;
  }

  /** Linear interpolation between order statistics (type 7, as R's default). */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  static List<TrainingResult.TermRow> terms(FeatureSpace space, double[][] x, int[] y, LogisticRegression.Fit fit, double[][] bootstrap) {
    int n = y.length;
    int pos = 0;
    for (int v : y) pos += v;
    int neg = n - pos;
    double base = (double) pos / n;
    double[] weights = fit.weights();
    double[] ses = fit.standardErrors();
    boolean[] estimable = fit.estimable();
    List<TrainingResult.TermRow> out = new ArrayList<>();
    for (int j = 0; j < space.size(); j++) {
      int support = 0;
      int tp = 0;
      for (int i = 0; i < n; i++) {
        if (x[i][j] != 0) {
          support++;
          tp += y[i];
        }
      }
      int fp = support - tp;
      double precision = support == 0 ? Double.NaN : (double) tp / support;
      double[] w = Metrics.wilson(tp, support);
      double lr;
      double lrLow;
      double lrHigh;
      if (support == 0) {
        lr = lrLow = lrHigh = Double.NaN;
      } else {
        double c = tp == 0 || fp == 0 || tp == pos || fp == neg ? 0.5 : 0;
        double a = tp + c, b = fp + c, p1 = pos + 2 * c, n1 = neg + 2 * c;
        lr = (a / p1) / (b / n1);
        double seLog = Math.sqrt(1 / a - 1 / p1 + 1 / b - 1 / n1);
        lrLow = lr * Math.exp(-1.959963984540054 * seLog);
        lrHigh = lr * Math.exp(1.959963984540054 * seLog);
      }
      out.add(new TrainingResult.TermRow(space.columns().get(j).name(), space.columns().get(j).kind(), support, tp, precision,
          support == 0 ? Double.NaN : w[0], support == 0 ? Double.NaN : w[1], precision / base,
          support == 0 ? Double.NaN : w[0] / base, support == 0 ? Double.NaN : w[1] / base, lr, lrLow, lrHigh,
          weights[j], ses[j], estimable[j], bootstrap == null || !estimable[j] ? Double.NaN : bootstrap[j][0],
          bootstrap == null || !estimable[j] ? Double.NaN : bootstrap[j][1]));
    }
    return out;
  }

  private static LogisticRiskModel buildModel(FeatureSpace space, LogisticRegression.Fit fit, List<TrainingResult.TermRow> terms,
      Calibration calibration, Calibrators.Method chosen, TrainingOptions o, int n, int pos, TrainingResult.MetricSet cv,
      TrainingResult.MetricSet cvRaw, Map<Calibrators.Method, Double> brier, String folding) {
    Map<String, Weight> weights = new LinkedHashMap<>();
    Map<String, Weight> features = new LinkedHashMap<>();
    Map<String, Weight> interactions = new LinkedHashMap<>();
    double[] fitted = fit.weights();
    double[] ses = fit.standardErrors();
    for (int j = 0; j < space.size(); j++) {
      TrainingResult.TermRow t = terms.get(j);
      Weight w;
      if (!t.estimable()) {
        w = new Weight(0, String.format(Locale.ROOT, "Constant in the %d training rows (%s); not estimable, set to 0.", n,
            t.support() == 0 ? "never active" : "always active"));
      } else {
        w = new Weight(fitted[j], String.format(Locale.ROOT,
            "Fitted on %d labelled rows: active in %d, %d of them positive; 95%% interval [%.3f, %.3f]%s.", n, t.support(),
            t.positivesActive(), t.weightLow(), t.weightHigh(), Double.isNaN(t.bootstrapLow()) ? ""
                : String.format(Locale.ROOT, ", bootstrap [%.3f, %.3f]", t.bootstrapLow(), t.bootstrapHigh())), ses[j]);
      }
      switch (space.columns().get(j).kind()) {
        case INDICATOR -> weights.put(t.name(), w);
        case FEATURE -> features.put(t.name(), w);
        case INTERACTION -> interactions.put(t.name(), w);
      }
    }
    Weight intercept = new Weight(fit.intercept(), String.format(Locale.ROOT,
        "Fitted: log-odds when no indicator is active; %d of %d training rows positive.", pos, n), fit.interceptSe());
    Map<String, Double> metrics = new TreeMap<>();
    put(metrics, "cv", cv);
    put(metrics, "cv.uncalibrated", cvRaw);
    brier.forEach((m, b) -> metrics.put("calibration.cvBrier." + m.fileName(), b));
    Map<String, String> settings = new TreeMap<>();
    settings.put("activation", o.mode().fileName());
    settings.put("l2", Double.toString(o.solver().l2()));
    settings.put("l1", Double.toString(o.solver().l1()));
    settings.put("interactions", o.interactions() ? "pairs active together in >= " + o.interactionMinSupport() + " rows" : "none");
    settings.put("folds", Integer.toString(o.folds()));
    if (folding != null) settings.put("groups", folding);
    if (o.bootstrap() > 0) settings.put("bootstrap", o.bootstrap() + " replicates, percentile intervals");
    settings.put("seed", Long.toString(o.seed()));
    settings.put("calibration", chosen.fileName() + (o.calibration() == null ? " (chosen by cross-validated Brier score)" : " (fixed)"));
    settings.put("solver", (o.solver().l1() > 0 ? "proximal Newton, coordinate descent" : "Newton") + "; " + fit.iterations()
        + " iterations; " + (fit.converged() ? "converged" : "iteration budget reached"));
    String at = o.trainedAt() != null ? o.trainedAt() : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String description = o.description() != null ? o.description()
        : "Logistic model fitted on local labelled adverts. Scores rank adverts for human review; they are not findings about any person. "
          + "Valid only for data like the training data: check it before use on another market.";
    return LogisticRiskModel.builder(o.modelId(), o.modelVersion()).description(description).intercept(intercept).weights(weights)
        .features(features).interactions(interactions).activation(o.mode()).calibration(calibration).bands(o.elevated(), o.high())
        .training(new TrainingSummary(n, pos, at, o.packs(), metrics, settings)).build();
  }

  private static void put(Map<String, Double> m, String prefix, TrainingResult.MetricSet s) {
    m.put(prefix + ".rocAuc", s.rocAuc());
    m.put(prefix + ".averagePrecision", s.averagePrecision());
    m.put(prefix + ".brier", s.brier());
    m.put(prefix + ".logLoss", s.logLoss());
    m.put(prefix + ".ece", s.ece());
  }
}
