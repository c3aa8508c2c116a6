package org.redflag.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classification metrics for probability scores {@code p} against labels {@code y} in {0, 1}. All
 * functions need at least one row; those that rank (AUCs) need both classes and say so otherwise.
 */
public final class Metrics {
  /** Probabilities are clipped to [EPS, 1 - EPS] for the log loss, so a confident miss costs ~34.5 nats, not infinity. */
  public static final double LOG_LOSS_EPS = 1e-15;

  private Metrics() {}

  /** A point of a curve. */
  public record Point(double x, double y) {}

  /** One bin of a reliability diagram: mean score, observed positive rate with a 95% Wilson interval, count. */
  public record ReliabilityBin(double lower, double upper, double meanScore, double observedRate, double rateLow,
      double rateHigh, int count) {}

  /** Area under the ROC curve (Mann-Whitney statistic; tied scores count one half). */
  public static double rocAuc(double[] p, int[] y) {
    check(p, y, true);
    int n = p.length;
    Integer[] order = order(p, false);
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && p[order[j]] == p[order[i]]) j++;
      double avg = (i + j + 1) / 2.0; // ranks i+1 .. j
      for (int k = i; k < j; k++) rank[order[k]] = avg;
      i = j;
    }
    double sumPos = 0;
    long pos = 0;
    for (int k = 0; k < n; k++) if (y[k] == 1) { sumPos += rank[k]; pos++; }
    long neg = n - pos;
    return (sumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /**
   * Average precision (area under the precision-recall curve, step-wise): sum over distinct thresholds
   * of (recall gain) x (precision at that threshold), as in scikit-learn.
   */
  public static double averagePrecision(double[] p, int[] y) {
    check(p, y, true);
    long pos = positives(y);
    double[] ap = {0, 0}; // sum, previous recall
    sweep(p, y, (tp, fp) -> {
      double recall = (double) tp / pos;
      ap[0] += (recall - ap[1]) * ((double) tp / (tp + fp));
      ap[1] = recall;
    });
    return ap[0];
  }

  /** Cumulative true and false positives after one threshold. */
  @FunctionalInterface
  private interface ThresholdStep { void accept(long tp, long fp); }

  /**
   * Walks the distinct scores from highest to lowest and reports the cumulative true and false
   * positives of predicting positive at or above each one (tied scores form one threshold).
   */
  private static void sweep(double[] p, int[] y, ThresholdStep step) {
    Integer[] order = order(p, true);
    long tp = 0, fp = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && p[order[j]] == p[order[i]]) {
        if (y[order[j]] == 1) tp++; else fp++;
        j++;
      }
      step.accept(tp, fp);
      i = j;
    }
  }

  private static long positives(int[] y) {
    long pos = 0;
    for (int v : y) pos += v;
    return pos;
  }

  /** Mean squared difference between score and label. */
  public static double brier(double[] p, int[] y) {
    check(p, y, false);
    double s = 0;
    for (int i = 0; i < p.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
    return s / p.length;
  }

  /** Mean negative log-likelihood in nats, probabilities clipped by {@link #LOG_LOSS_EPS}. */
  public static double logLoss(double[] p, int[] y) {
    check(p, y, false);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[i]));
      s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / p.length;
  }

  /** Expected calibration error over {@code bins} equal-width score bins: count-weighted |mean score - positive rate|. */
  public static double expectedCalibrationError(double[] p, int[] y, int bins) {
    double e = 0;
    for (ReliabilityBin b : reliability(p, y, bins)) e += (double) b.count() / p.length * Math.abs(b.meanScore() - b.observedRate());
    return e;
  }

  /** Non-empty equal-width score bins over [0, 1] (the last bin includes 1). */
  public static List<ReliabilityBin> reliability(double[] p, int[] y, int bins) {
    check(p, y, false);
    if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, was " + bins);
    double[] sum = new double[bins];
    int[] pos = new int[bins];
    int[] cnt = new int[bins];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(bins - 1, (int) Math.floor(p[i] * bins));
      sum[b] += p[i];
      pos[b] += y[i];
      cnt[b]++;
    }
    List<ReliabilityBin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (cnt[b] == 0) continue;
      double[] w = wilson(pos[b], cnt[b]);
      out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, sum[b] / cnt[b], (double) pos[b] / cnt[b], w[0], w[1], cnt[b]));
    }
    return out;
  }

  /** ROC curve from (0, 0) to (1, 1): x false-positive rate, y true-positive rate, one point per distinct score. */
  public static List<Point> rocCurve(double[] p, int[] y) {
    check(p, y, true);
    long pos = positives(y);
    long neg = p.length - pos;
    List<Point> out = new ArrayList<>();
    out.add(new Point(0, 0));
    sweep(p, y, (tp, fp) -> out.add(new Point((double) fp / neg, (double) tp / pos)));
    return out;
  }

  /** Precision-recall curve: x recall, y precision, one point per distinct score, highest score first. */
  public static List<Point> prCurve(double[] p, int[] y) {
    check(p, y, true);
    long pos = positives(y);
    List<Point> out = new ArrayList<>();
    sweep(p, y, (tp, fp) -> out.add(new Point((double) tp / pos, (double) tp / (tp + fp))));
    return out;
  }

  /** 95% Wilson score interval for {@code k} successes in {@code n} trials ({0, 1} when n is 0). */
  public static double[] wilson(long k, long n) {
    if (n == 0) return new double[] {0, 1};
    double z = 1.959963984540054;
    double ph = (double) k / n;
    double denom = 1 + z * z / n;
    double centre = (ph + z * z / (2.0 * n)) / denom;
    double half = z * Math.sqrt(ph * (1 - ph) / n + z * z / (4.0 * n * n)) / denom;
    // at k = 0 and k = n the bounds are exactly 0 and 1; rounding would leave 1e-20 or 0.9999999999999999
    return new double[] {k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half)};
  }

  private static Integer[] order(double[] p, boolean descending) {
    Integer[] o = new Integer[p.length];
    for (int i = 0; i < o.length; i++) o[i] = i;
    Arrays.sort(o, descending ? (a, b) -> Double.compare(p[b], p[a]) : (a, b) -> Double.compare(p[a], p[b]));
    return o;
  }

  private static void check(double[] p, int[] y, boolean bothClasses) {
    if (p.length == 0 || p.length != y.length) throw new IllegalArgumentException("need one label per score and at least one score, got " + p.length + " and " + y.length);
    int pos = 0;
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("score " + i + " must be within [0, 1], was " + p[i]);
      if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException("label " + i + " must be 0 or 1, was " + y[i]);
      pos += y[i];
    }
    if (bothClasses && (pos == 0 || pos == p.length)) throw new IllegalArgumentException("this metric needs both classes; labels are all " + (pos == 0 ? 0 : 1));
  }
}
