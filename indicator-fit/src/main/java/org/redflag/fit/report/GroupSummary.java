package org.redflag.fit.report;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.redflag.risk.Band;

/**
 * The running counts of one group of adverts. Every part is a sum, a maximum or a fixed-bin
 * histogram, so merging two groups gives exactly what one pass over both would.
 */
final class GroupSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Scores in bins of 0.001: medians and quantiles to within half a bin, identical however the input was split. */
  static final int SCORE_BINS = 1000;
  /** Price ratios in bins of 1/100 of a doubling, from 1/32 to 32 times the market median (outside: the outer bins). */
  static final int RATIO_BINS_PER_DOUBLING = 100;
  static final int RATIO_MAX_DOUBLINGS = 5;

  long adverts;
  final long[] bands = new long[Band.values().length];
  final Map<String, Long> fired = new TreeMap<>();
  final Map<String, Long> entries = new TreeMap<>();
  final Histogram scores = new Histogram(SCORE_BINS);
  long priced;
  long belowP5;
  final Histogram ratios = new Histogram(2 * RATIO_BINS_PER_DOUBLING * RATIO_MAX_DOUBLINGS);
  long clustered;
  int largestCluster;

  void add(AssessedAdvert a) {
    adverts++;
    bands[a.band().ordinal()]++;
    for (String f : a.fired()) fired.merge(f, 1L, Long::sum);
    for (String e : a.entries()) entries.merge(e, 1L, Long::sum);
    scores.add((int) Math.min(SCORE_BINS - 1, a.scoreMicros() / 1000));
    if (a.price() != null) {
      priced++;
      if (a.price().belowP5()) belowP5++;
      ratios.add(ratioBin(a.price().ratio()));
    }
    if (a.clusterSize() > 1) {
      clustered++;
      largestCluster = Math.max(largestCluster, a.clusterSize());
    }
  }

  void merge(GroupSummary o) {
    adverts += o.adverts;
    for (int i = 0; i < bands.length; i++) bands[i] += o.bands[i];
    o.fired.forEach((k, v) -> fired.merge(k, v, Long::sum));
    o.entries.forEach((k, v) -> entries.merge(k, v, Long::sum));
    scores.merge(o.scores);
    priced += o.priced;
    belowP5 += o.belowP5;
    ratios.merge(o.ratios);
    clustered += o.clustered;
    largestCluster = Math.max(largestCluster, o.largestCluster);
  }

  static int ratioBin(double ratio) {
    double doublings = Math.log(ratio) / Math.log(2);
    return (int) Math.floor((doublings + RATIO_MAX_DOUBLINGS) * RATIO_BINS_PER_DOUBLING);
  }

  /** The centre of a ratio bin, as a ratio. */
  static double ratioOfBin(int bin) {
    return Math.pow(2, (bin + 0.5) / RATIO_BINS_PER_DOUBLING - RATIO_MAX_DOUBLINGS);
  }

  /** The centre of a score bin. */
  static double scoreOfBin(int bin) { return (bin + 0.5) / SCORE_BINS; }

  long elevatedOrHigh() { return bands[Band.ELEVATED.ordinal()] + bands[Band.HIGH.ordinal()]; }

  @Override
  public boolean equals(Object x) {
    return x instanceof GroupSummary o && adverts == o.adverts && java.util.Arrays.equals(bands, o.bands) && fired.equals(o.fired)
        && entries.equals(o.entries) && scores.equals(o.scores) && priced == o.priced && belowP5 == o.belowP5 && ratios.equals(o.ratios)
        && clustered == o.clustered && largestCluster == o.largestCluster;
  }

  @Override
  public int hashCode() { return Objects.hash(adverts, fired, scores); }
}
