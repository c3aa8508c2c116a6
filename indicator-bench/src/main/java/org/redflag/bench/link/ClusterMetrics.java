package org.redflag.bench.link;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement of a predicted clustering with the truth, from the contingency counts (linear in the
 * number of items, never over pairs): pairwise precision, recall and F1 (pairs of items put together)
 * and B-cubed precision, recall and F1 (Bagga and Baldwin 1998; per item, averaged).
 */
public record ClusterMetrics(double pairPrecision, double pairRecall, double pairF1, double bcubedPrecision, double bcubedRecall,
    double bcubedF1, long predictedPairs, long truePairs) {

  /** {@code predicted[i]} and {@code truth[i]} are the cluster labels of item i. */
  public static ClusterMetrics of(String[] predicted, int[] truth) {
    if (predicted.length != truth.length) throw new IllegalArgumentException("label arrays differ in length");
    int n = predicted.length;
    Map<String, Integer> predSize = new HashMap<>();
    Map<Integer, Integer> trueSize = new HashMap<>();
    Map<String, Integer> cell = new HashMap<>();
    for (int i = 0; i < n; i++) {
      predSize.merge(predicted[i], 1, Integer::sum);
      trueSize.merge(truth[i], 1, Integer::sum);
      cell.merge(predicted[i] + "\u0000" + truth[i], 1, Integer::sum);
    }
    long tp = 0, pp = 0, tpairs = 0;
    for (int c : cell.values()) tp += pairs(c);
    for (int c : predSize.values()) pp += pairs(c);
    for (int c : trueSize.values()) tpairs += pairs(c);
    double bp = 0, br = 0;
    for (int i = 0; i < n; i++) {
      int c = cell.get(predicted[i] + "\u0000" + truth[i]);
      bp += (double) c / predSize.get(predicted[i]);
      br += (double) c / trueSize.get(truth[i]);
    }
    bp /= n;
    br /= n;
    double p = pp == 0 ? 1 : (double) tp / pp, r = tpairs == 0 ? 1 : (double) tp / tpairs;
    return new ClusterMetrics(p, r, f1(p, r), bp, br, f1(bp, br), pp, tpairs);
  }

  private static long pairs(long c) { return c * (c - 1) / 2; }

  private static double f1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }
}
