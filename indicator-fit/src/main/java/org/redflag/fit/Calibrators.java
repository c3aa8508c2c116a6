package org.redflag.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redflag.risk.Calibration;

/** Fits {@link Calibration} maps from log-odds and labels. Deterministic. */
public final class Calibrators {
  private Calibrators() {}

  /** Calibration methods the trainer can choose from. */
  public enum Method {
    NONE, PLATT, ISOTONIC;

    public String fileName() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  public static Calibration fit(Method m, double[] z, int[] y) {
    return switch (m) {
      case NONE -> Calibration.NONE;
      case PLATT -> platt(z, y);
      case ISOTONIC -> isotonic(z, y);
    };
  }

  /**
   * Platt scaling: fits {@code sigmoid(a * z + b)} by maximum likelihood against Platt's smoothed
   * targets ({@code (N+ + 1) / (N+ + 2)} for positives, {@code 1 / (N- + 2)} for negatives), which keep
   * the fit finite on separable scores. If the fitted slope is not positive the scores carry no usable
   * ranking on this data, and the map returns (almost) the smoothed base rate everywhere.
   */
  public static Calibration platt(double[] z, int[] y) {
    check(z, y);
    int pos = 0;
    for (int v : y) pos += v;
    int neg = y.length - pos;
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    double f = plattLoss(z, y, hi, lo, a, b);
    for (int it = 0; it < 100; it++) {
      double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
      for (int i = 0; i < z.length; i++) {
        double p = LogisticRegression.sigmoid(a * z[i] + b);
        double t = y[i] == 1 ? hi : lo;
        double r = p - t;
        double w = Math.max(p * (1 - p), 1e-12);
        ga += r * z[i];
        gb += r;
        haa += w * z[i] * z[i];
        hab += w * z[i];
        hbb += w;
      }
      haa += 1e-12;
      hbb += 1e-12;
      double det = haa * hbb - hab * hab;
      if (!(det > 0)) break;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double predicted = ga * da + gb * db;
      if (-predicted < 1e-12) break;
      double t = 1;
      boolean accepted = false;
      for (int h = 0; h < 60; h++) {
        double fn = plattLoss(z, y, hi, lo, a + t * da, b + t * db);
        if (fn <= f + 1e-4 * t * predicted) {
          a += t * da;
          b += t * db;
          f = fn;
          accepted = true;
          break;
        }
        t /= 2;
      }
      if (!accepted) break;
    }
    if (!(a > 1e-9)) {
      double rate = (pos + 1.0) / (y.length + 2.0);
      return new Calibration.Platt(1e-9, Math.log(rate / (1 - rate)));
    }
    return new Calibration.Platt(a, b);
  }

  private static double plattLoss(double[] z, int[] y, double hi, double lo, double a, double b) {
    double f = 0;
    for (int i = 0; i < z.length; i++) {
      double s = a * z[i] + b;
      double t = y[i] == 1 ? hi : lo;
      f += LogisticRegression.log1pExp(s) - t * s;
    }
    return f;
  }

  /**
   * Isotonic regression by pool-adjacent-violators over the scores sorted by {@code z} (equal scores
   * pooled first). The map passes through the ends of each pooled block, as in scikit-learn.
   */
  public static Calibration.Isotonic isotonic(double[] z, int[] y) {
    check(z, y);
    Integer[] order = new Integer[z.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(z[a], z[b]));
    // blocks: min z, max z, weight, mean
    List<double[]> blocks = new ArrayList<>();
    int i = 0;
    while (i < order.length) {
      double zi = z[order[i]];
      int j = i;
      double sum = 0;
      while (j < order.length && z[order[j]] == zi) sum += y[order[j++]];
      double[] blk = {zi, zi, j - i, sum / (j - i)};
      blocks.add(blk);
      // pool while the previous block's mean exceeds this one's
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] prev = blocks.get(blocks.size() - 2);
        if (prev[3] <= last[3]) break;
        double w = prev[2] + last[2];
        double[] merged = {prev[0], last[1], w, (prev[3] * prev[2] + last[3] * last[2]) / w};
        blocks.remove(blocks.size() - 1);
        blocks.set(blocks.size() - 1, merged);
      }
      i = j;
    }
    List<double[]> pts = new ArrayList<>();
    for (double[] b : blocks) {
      pts.add(new double[] {b[0], b[3]});
      if (b[1] > b[0]) pts.add(new double[] {b[1], b[3]});
    }
    double[] xs = new double[pts.size()];
    double[] ys = new double[pts.size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = pts.get(k)[0];
      ys[k] = Math.min(1, Math.max(0, pts.get(k)[1]));
      if (k > 0 && ys[k] < ys[k - 1]) ys[k] = ys[k - 1]; // guard against rounding in the pooled means
    }
    return new Calibration.Isotonic(xs, ys);
  }

  private static void check(double[] z, int[] y) {
    if (z.length == 0 || z.length != y.length) throw new IllegalArgumentException("need one label per score and at least one score");
    for (double v : z) if (!Double.isFinite(v)) throw new IllegalArgumentException("scores must be finite");
  }
}
