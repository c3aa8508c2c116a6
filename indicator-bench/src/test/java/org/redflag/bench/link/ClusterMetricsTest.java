package org.redflag.bench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
  /** Brute force over all pairs and all items against the contingency-count formulas. */
  @Test
  void agreesWithBruteForceOnRandomLabelings() {
    Random r = new Random(3);
    for (int round = 0; round < 300; round++) {
      int n = 1 + r.nextInt(40);
      String[] p = new String[n];
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = "c" + r.nextInt(1 + r.nextInt(8));
        t[i] = r.nextInt(1 + r.nextInt(8));
      }
      long tp = 0, pp = 0, tt = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          boolean sp = p[i].equals(p[j]), st = t[i] == t[j];
          if (sp) pp++;
          if (st) tt++;
          if (sp && st) tp++;
        }
      }
      double bp = 0, br = 0;
      for (int i = 0; i < n; i++) {
        int both = 0, inP = 0, inT = 0;
        for (int j = 0; j < n; j++) {
          boolean sp = p[i].equals(p[j]), st = t[i] == t[j];
          if (sp) inP++;
          if (st) inT++;
          if (sp && st) both++;
        }
        bp += (double) both / inP;
        br += (double) both / inT;
      }
      ClusterMetrics m = ClusterMetrics.of(p, t);
      assertThat(m.pairPrecision()).isCloseTo(pp == 0 ? 1 : (double) tp / pp, within(1e-12));
      assertThat(m.pairRecall()).isCloseTo(tt == 0 ? 1 : (double) tp / tt, within(1e-12));
      assertThat(m.bcubedPrecision()).isCloseTo(bp / n, within(1e-12));
      assertThat(m.bcubedRecall()).isCloseTo(br / n, within(1e-12));
    }
  }

  @Test
  void perfectAndAllInOne() {
    assertThat(ClusterMetrics.of(new String[] {"a", "a", "b"}, new int[] {1, 1, 2}).pairF1()).isEqualTo(1.0);
    ClusterMetrics lumped = ClusterMetrics.of(new String[] {"a", "a", "a", "a"}, new int[] {1, 1, 2, 2});
    assertThat(lumped.pairPrecision()).isCloseTo(2.0 / 6, within(1e-12));
    assertThat(lumped.pairRecall()).isEqualTo(1.0);
  }
}
