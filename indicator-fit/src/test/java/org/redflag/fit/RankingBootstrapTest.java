package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingBootstrapTest {

  /** Scores on a coarse grid (many ties) with labels that depend on them. */
  static Object[] data(int n, long seed) {
    Random r = new Random(seed);
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(r.nextDouble() * 10) / 10.0;
      y[i] = r.nextDouble() < 0.2 + 0.6 * p[i] ? 1 : 0;
    }
    y[0] = 1;
    y[1] = 0;
    return new Object[] {p, y};
  }

  /** The oracle: the share of (positive, negative) pairs ordered correctly, ties counting one half. */
  static double bruteForceAuc(double[] p, int[] y) {
    double good = 0;
    long pairs = 0;
    for (int i = 0; i < p.length; i++) {
      if (y[i] != 1) continue;
      for (int j = 0; j < p.length; j++) {
        if (y[j] != 0) continue;
        pairs++;
        good += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
      }
    }
    return good / pairs;
  }

  static int[] descending(double[] p) {
    return java.util.stream.IntStream.range(0, p.length).boxed().sorted((a, b) -> Double.compare(p[b], p[a])).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void weightedMetricsEqualTheMetricsOfTheExpandedSample() {
    for (long seed = 1; seed <= 20; seed++) {
      Object[] d = data(40, seed);
      double[] p = (double[]) d[0];
      int[] y = (int[]) d[1];
      int[] ones = new int[p.length];
      Arrays.fill(ones, 1);
      assertThat(RankingBootstrap.weightedAuc(p, y, descending(p), ones)).isCloseTo(bruteForceAuc(p, y), offset(1e-12));
      // random multiplicities, against the rows written out that many times
      Random r = new Random(seed);
      int[] w = new int[p.length];
      int total = 0;
      for (int i = 0; i < w.length; i++) total += w[i] = r.nextInt(3);
      w[0] = Math.max(w[0], 1);
      w[1] = Math.max(w[1], 1);
      total = Arrays.stream(w).sum();
      double[] ep = new double[total];
      int[] ey = new int[total];
      int k = 0;
      for (int i = 0; i < w.length; i++) for (int c = 0; c < w[i]; c++) { ep[k] = p[i]; ey[k++] = y[i]; }
      assertThat(RankingBootstrap.weightedAuc(p, y, descending(p), w)).isCloseTo(bruteForceAuc(ep, ey), offset(1e-12));
      assertThat(RankingBootstrap.weightedAveragePrecision(p, y, descending(p), w)).isCloseTo(Metrics.averagePrecision(ep, ey), offset(1e-12));
    }
  }

  @Test
  void eachReplicateIsTheMetricOfRowsDrawnWithReplacementFromTheSeed() {
    Object[] d = data(25, 7);
    double[] p = (double[]) d[0];
    int[] y = (int[]) d[1];
    double[][] reps = RankingBootstrap.replicates(p, y, 30, 99);
    Random random = new Random(99); // the documented draw: nextInt(n) row by row, a one-class draw drawn again
    for (int r = 0; r < 30; r++) {
      double[] rp = new double[p.length];
      int[] ry = new int[p.length];
      int pos;
      do {
        pos = 0;
        for (int i = 0; i < p.length; i++) {
          int k = random.nextInt(p.length);
          rp[i] = p[k];
          ry[i] = y[k];
          pos += ry[i];
        }
      } while (pos == 0 || pos == p.length);
      assertThat(reps[0][r]).isCloseTo(bruteForceAuc(rp, ry), offset(1e-12));
      assertThat(reps[1][r]).isCloseTo(Metrics.averagePrecision(rp, ry), offset(1e-12));
    }
  }

  @Test
  void intervalsAreReproducibleForASeedAndBracketTheEstimate() {
    Object[] d = data(300, 3);
    double[] p = (double[]) d[0];
    int[] y = (int[]) d[1];
    RankingBootstrap.Result a = RankingBootstrap.of(p, y, 500, 11);
    RankingBootstrap.Result b = RankingBootstrap.of(p, y, 500, 11);
    RankingBootstrap.Result c = RankingBootstrap.of(p, y, 500, 12);
    assertThat(a).isEqualTo(b);
    assertThat(c.auc()).isNotEqualTo(a.auc());
    double auc = Metrics.rocAuc(p, y);
    double ap = Metrics.averagePrecision(p, y);
    assertThat(a.auc().low()).isLessThan(auc);
    assertThat(a.auc().high()).isGreaterThan(auc);
    assertThat(a.averagePrecision().low()).isLessThan(ap);
    assertThat(a.averagePrecision().high()).isGreaterThan(ap);
    // standard error of an AUC near 0.7 on 300 rows is about 0.03: the 95% interval is a few hundredths wide
    assertThat(a.auc().high() - a.auc().low()).isBetween(0.03, 0.25);
  }

  @Test
  void oneClassHasNoRankingInterval() {
    assertThatThrownBy(() -> RankingBootstrap.of(new double[] {0.1, 0.2}, new int[] {1, 1}, 10, 1)).hasMessageContaining("both classes");
  }
}
