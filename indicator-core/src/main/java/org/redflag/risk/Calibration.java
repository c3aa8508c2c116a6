package org.redflag.risk;

import java.util.Arrays;
import java.util.Locale;

/**
 * Maps a model's log-odds {@code z} to a calibrated probability. Calibration is monotone, so it
 * never changes the ranking of adverts; it makes the number mean what it says (of adverts scored
 * 0.3, about 30% were positive in the data the map was fitted on).
 */
public sealed interface Calibration permits Calibration.None, Calibration.Platt, Calibration.Isotonic {
  /** No calibration: {@code sigmoid(z)}. */
  None NONE = new None();

  /** Calibrated probability in [0, 1] for log-odds {@code z}. */
  double apply(double z);

  /** {@code none}, {@code platt} or {@code isotonic}, as written in model files. */
  String method();

  static double sigmoid(double z) {
    // written for both signs so that large |z| never overflows to NaN
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** The identity calibration. */
  record None() implements Calibration {
    @Override public double apply(double z) { return sigmoid(z); }
    @Override public String method() { return "none"; }
  }

  /** Platt scaling: {@code sigmoid(a * z + b)}; {@code a} must be positive to keep the ranking. */
  record Platt(double a, double b) implements Calibration {
    public Platt {
      if (!(Double.isFinite(a) && a > 0)) throw new IllegalArgumentException("platt slope a must be finite and positive, was " + a);
      if (!Double.isFinite(b)) throw new IllegalArgumentException("platt offset b must be finite, was " + b);
    }

    @Override public double apply(double z) { return sigmoid(a * z + b); }
    @Override public String method() { return "platt"; }
  }

  /**
   * Isotonic regression (pool-adjacent-violators) as a piecewise-linear map through the points
   * {@code (x[i], y[i])}: {@code x} are log-odds in increasing order, {@code y} probabilities that never
   * decrease; below {@code x[0]} the map is {@code y[0]}, above the last point the last {@code y}.
   */
  final class Isotonic implements Calibration {
    private final double[] x;
    private final double[] y;

    public Isotonic(double[] x, double[] y) {
      if (x == null || y == null || x.length == 0 || x.length != y.length) {
        throw new IllegalArgumentException("isotonic map needs x and y of equal, non-zero length");
      }
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(x[i])) throw new IllegalArgumentException("isotonic x[" + i + "] must be finite, was " + x[i]);
        if (!(y[i] >= 0 && y[i] <= 1)) throw new IllegalArgumentException("isotonic y[" + i + "] must be within [0, 1], was " + y[i]);
        if (i > 0 && !(x[i] >= x[i - 1])) throw new IllegalArgumentException("isotonic x must not decrease, x[" + i + "] = " + x[i]);
        if (i > 0 && !(y[i] >= y[i - 1])) throw new IllegalArgumentException("isotonic y must not decrease, y[" + i + "] = " + y[i]);
      }
      this.x = x.clone();
      this.y = y.clone();
    }

    public double[] x() { return x.clone(); }
    public double[] y() { return y.clone(); }

    @Override public String method() { return "isotonic"; }

    @Override
    public double apply(double z) {
      if (Double.isNaN(z)) throw new IllegalArgumentException("log-odds must not be NaN");
      if (z <= x[0]) return y[0];
      int n = x.length;
      if (z >= x[n - 1]) return y[n - 1];
      int i = Arrays.binarySearch(x, z);
      if (i >= 0) {
        while (i + 1 < n && x[i + 1] == z) i++; // right-continuous at a jump
        return y[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double t = (z - x[lo]) / (x[hi] - x[lo]);
      return Math.min(1, Math.max(0, y[lo] + t * (y[hi] - y[lo])));
    }

    @Override public boolean equals(Object o) {
      return o instanceof Isotonic i && Arrays.equals(x, i.x) && Arrays.equals(y, i.y);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(x) + Arrays.hashCode(y); }

    @Override public String toString() { return String.format(Locale.ROOT, "Isotonic[%d points]", x.length); }
  }
}
