package org.redflag.fit.report;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Counts of values in fixed bins, for quantiles that do not depend on the order values arrive in or
 * on how the work was split: two histograms merge by adding counts, so a summary built on one
 * machine and one merged from many partitions give identical quantiles. (A randomised sketch such as
 * KLL would not; the report needs only a fixed resolution.)
 */
final class Histogram implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] counts;
  private long n;

  Histogram(int bins) { counts = new long[bins]; }

  int bins() { return counts.length; }

  long count() { return n; }

  /** Adds one value to bin {@code b}, clamped into the range of bins. */
  void add(int b) {
    counts[Math.max(0, Math.min(counts.length - 1, b))]++;
    n++;
  }

  void merge(Histogram o) {
    if (o.counts.length != counts.length) throw new IllegalArgumentException("histograms of " + counts.length + " and " + o.counts.length + " bins");
    for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
    n += o.n;
  }

  /**
   * The bin holding the nearest-rank {@code q}-quantile: the value of rank {@code ceil(q * n)}
   * (at least 1) in sorted order; -1 when empty.
   */
  int quantileBin(double q) {
    if (n == 0) return -1;
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) return i;
    }
    return counts.length - 1;
  }

  @Override
  public boolean equals(Object o) { return o instanceof Histogram h && h.n == n && Arrays.equals(h.counts, counts); }

  @Override
  public int hashCode() { return Arrays.hashCode(counts); }
}
