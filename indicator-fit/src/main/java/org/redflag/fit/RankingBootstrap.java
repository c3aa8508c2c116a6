package org.redflag.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Percentile bootstrap intervals for ROC AUC and average precision. Each replicate draws
 * {@code n} rows with replacement ({@code java.util.Random(seed).nextInt(n)}, row by row, replicate
 * by replicate; a draw with one class only is drawn again), computes both metrics on it, and the
 * interval is the 2.5% and 97.5% percentile of the replicates (type 7, as R's default). The same
 * scores, labels, replicate count and seed always give the same interval.
 *
 * <p>A replicate is computed from how often each row was drawn, over one sort of the scores, so a
 * replicate costs linear time: tied scores stay one threshold, exactly as {@link Metrics#rocAuc} and
 * {@link Metrics#averagePrecision} treat the expanded resample.
 */
public final class RankingBootstrap {
  /** Replicates used by the commands unless told otherwise. */
  public static final int DEFAULT_REPLICATES = 1000;
  /** Seed used by the commands unless told otherwise. */
  public static final long DEFAULT_SEED = 20240601L;
  private static final int MAX_REDRAWS = 1000;

  /** 95% percentile intervals of AUC and average precision from {@code replicates} resamples. */
  public record Result(Interval auc, Interval averagePrecision, int replicates, long seed) {}

  private RankingBootstrap() {}

  public static Result of(double[] p, int[] y, int replicates, long seed) {
    return of(p, y, null, replicates, seed);
  }

  /**
   * As {@link #of(double[], int[], int, long)}, but with {@code group} (one group index per row,
   * 0 to G - 1) each replicate draws G whole groups with replacement ({@code nextInt(G)}): a cluster
   * bootstrap, for data where rows of a group (re-posts of one advert) are not independent. A null
   * {@code group} draws rows.
   */
  public static Result of(double[] p, int[] y, int[] group, int replicates, long seed) {
    double[][] r = replicates(p, y, group, replicates, seed);
    Arrays.sort(r[0]);
    Arrays.sort(r[1]);
    return new Result(new Interval(RiskModelTrainer.percentile(r[0], 0.025), RiskModelTrainer.percentile(r[0], 0.975)),
        new Interval(RiskModelTrainer.percentile(r[1], 0.025), RiskModelTrainer.percentile(r[1], 0.975)), replicates, seed);
  }

  /** The AUC ({@code [0]}) and average precision ({@code [1]}) of each replicate, in draw order. */
  static double[][] replicates(double[] p, int[] y, int replicates, long seed) {
    return replicates(p, y, null, replicates, seed);
  }

  static double[][] replicates(double[] p, int[] y, int[] group, int replicates, long seed) {
    if (replicates < 1) throw new IllegalArgumentException("replicates must be at least 1, was " + replicates);
    Metrics.rocAuc(p, y); // validates scores and labels and requires both classes
    int n = p.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) boxed[i] = i;
    Arrays.sort(boxed, (a, b) -> Double.compare(p[b], p[a]));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = boxed[i];
    if (group != null && group.length != n) throw new IllegalArgumentException("need one group per row");
    List<List<Integer>> members = group == null ? null : RiskModelTrainer.members(group);
    Random random = new Random(seed);
    int[] count = new int[n];
    double[][] out = new double[2][replicates];
    for (int r = 0; r < replicates; r++) {
      long pos;
      boolean oneClass;
      int attempts = 0;
      do {
        if (++attempts > MAX_REDRAWS) throw new IllegalArgumentException("bootstrap resamples keep missing a class; too few rows of one class");
        Arrays.fill(count, 0);
        pos = 0;
        long drawn = 0;
        if (members == null) {
          for (int i = 0; i < n; i++) {
            int k = random.nextInt(n);
            count[k]++;
            pos += y[k];
          }
          drawn = n;
        } else {
          for (int i = 0; i < members.size(); i++) {
            for (int k : members.get(random.nextInt(members.size()))) {
              count[k]++;
              pos += y[k];
              drawn++;
            }
          }
        }
        oneClass = pos == 0 || pos == drawn;
      } while (oneClass);
      out[0][r] = weightedAuc(p, y, order, count);
      out[1][r] = weightedAveragePrecision(p, y, order, count);
    }
    return out;
  }

  /**
   * AUC of the sample in which row {@code i} occurs {@code w[i]} times: walking the scores from
   * highest to lowest, each positive counts the negatives scored below it and half of those tied.
   */
  static double weightedAuc(double[] p, int[] y, int[] descending, int[] w) {
    double pos = 0, neg = 0, sum = 0;
    int i = 0;
    while (i < descending.length) {
      int j = i;
      double gp = 0, gn = 0;
      while (j < descending.length && p[descending[j]] == p[descending[i]]) {
        int k = descending[j++];
        if (y[k] == 1) gp += w[k]; else gn += w[k];
      }
      // this group's negatives rank below every positive seen so far and tie with the group's positives
      sum += gn * pos + gn * gp / 2;
      pos += gp;
      neg += gn;
      i = j;
    }
    return sum / (pos * neg);
  }

  /** Average precision of the weighted sample, as {@link Metrics#averagePrecision} on the expanded sample. */
  static double weightedAveragePrecision(double[] p, int[] y, int[] descending, int[] w) {
    double total = 0;
    for (int k = 0; k < y.length; k++) total += y[k] * w[k];
    double tp = 0, fp = 0, ap = 0, prevRecall = 0;
    int i = 0;
    while (i < descending.length) {
      int j = i;
      while (j < descending.length && p[descending[j]] == p[descending[i]]) {
        int k = descending[j++];
        if (y[k] == 1) tp += w[k]; else fp += w[k];
      }
      if (tp > 0) {
        double recall = tp / total;
        ap += (recall - prevRecall) * (tp / (tp + fp));
        prevRecall = recall;
      }
      i = j;
    }
    return ap;
  }
}
