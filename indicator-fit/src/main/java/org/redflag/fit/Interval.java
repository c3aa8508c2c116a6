package org.redflag.fit;

/** A two-sided interval estimate, {@code low <= high}; the level is stated where it is produced. */
public record Interval(double low, double high) {
  public Interval {
    if (low > high) throw new IllegalArgumentException("interval low " + low + " is above high " + high);
  }

  /** The 95% Wilson score interval for {@code k} successes in {@code n} trials (see {@link Metrics#wilson}). */
  public static Interval wilson(long k, long n) {
    double[] w = Metrics.wilson(k, n);
    return new Interval(w[0], w[1]);
  }
}
