package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MarketBaselineTest {

  static MarketBaseline of(String market, String category, String currency, double... rates) {
    MarketBaseline.Builder b = MarketBaseline.builder(market, category, currency);
    for (double r : rates) b.add(r);
    return b.build();
  }

  static double[] range(int from, int to) {
    double[] v = new double[to - from + 1];
    for (int i = 0; i < v.length; i++) v[i] = from + i;
    return v;
  }

  @Test
  void belowTheSketchSizeQuantilesAreExact() {
    MarketBaseline b = of("metro-a", null, "USD", range(1, 100));
    assertThat(b.count()).isEqualTo(100);
    assertThat(b.quantile(0.05)).isEqualTo(5.0);
    assertThat(b.median()).isEqualTo(50.0);
    assertThat(b.quantile(1.0)).isEqualTo(100.0);
    assertThat(b.min()).isEqualTo(1.0);
    assertThat(b.max()).isEqualTo(100.0);
    assertThat(b.rankOf(5)).isEqualTo(0.05);
    assertThat(b.rankOf(0.5)).isZero();
    assertThat(b.rankOf(1000)).isEqualTo(1.0);
  }

  @Test
  void largeUniformDistributionWithinTheRankError() {
    int n = 200_000;
    MarketBaseline.Builder b = MarketBaseline.builder("metro-a", null, "USD");
    Random rnd = new Random(7);
    for (int i = 0; i < n; i++) b.add(100 + rnd.nextDouble() * 200); // uniform on [100, 300)
    MarketBaseline m = b.build();
    assertThat(m.count()).isEqualTo(n);
    double eps = m.rankError();
    assertThat(eps).isLessThan(0.02);
    for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
      // the true q-quantile of U[100, 300) is 100 + 200 q; allow the rank error plus sampling noise
      assertThat(m.quantile(q)).as("q=" + q).isCloseTo(100 + 200 * q, within(200 * (1.5 * eps + 0.005)));
      assertThat(m.rankOf(100 + 200 * q)).as("rank at q=" + q).isCloseTo(q, within(1.5 * eps + 0.005));
    }
  }

  @Test
  void logNormalQuantilesMatchTheExactSortedSample() {
    Random rnd = new Random(11);
    int n = 50_000;
    double[] v = new double[n];
    MarketBaseline.Builder b = MarketBaseline.builder("metro-b", "massage", "EUR");
    for (int i = 0; i < n; i++) {
      v[i] = Math.exp(Math.log(150) + 0.4 * rnd.nextGaussian());
      b.add(v[i]);
    }
    Arrays.sort(v);
    MarketBaseline m = b.build();
    for (double q : new double[] {0.01, 0.05, 0.5, 0.9}) {
      double exact = v[(int) Math.ceil(q * n) - 1];
      // rankError() bounds the error with 99% confidence; 1.5x keeps this test from flaking on the sketch's coin flips
      assertThat(m.rankOf(exact)).as("q=" + q).isCloseTo(q, within(1.5 * m.rankError()));
    }
    // the median of a log-normal is exp(mu)
    assertThat(m.median()).isCloseTo(150, within(3.0));
  }

  @Test
  void baselinesBuiltInParallelMergeToTheWhole() throws Exception {
    Random rnd = new Random(3);
    double[] all = new double[40_000];
    for (int i = 0; i < all.length; i++) all[i] = 50 + rnd.nextInt(400);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MarketBaseline>> parts = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        int from = p * 10_000;
        parts.add(pool.submit(() -> of("metro-a", null, "USD", Arrays.copyOfRange(all, from, from + 10_000))));
      }
      MarketBaseline merged = parts.get(0).get();
      for (int p = 1; p < 4; p++) merged = merged.merge(parts.get(p).get());
      MarketBaseline whole = of("metro-a", null, "USD", all);
      assertThat(merged.count()).isEqualTo(all.length);
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        assertThat(merged.rankOf(whole.quantile(q))).isCloseTo(q, within(2 * merged.rankError()));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void smallMergesAreExact() {
    MarketBaseline a = of("m", null, "USD", 1, 2, 3);
    MarketBaseline b = of("m", null, "USD", 4, 5);
    MarketBaseline ab = a.merge(b);
    assertThat(ab.count()).isEqualTo(5);
    assertThat(ab.median()).isEqualTo(3.0);
    assertThat(a.count()).as("merge leaves the inputs alone").isEqualTo(3);
  }

  @Test
  void mergingDifferentMarketsOrCurrenciesFails() {
    MarketBaseline a = of("m", null, "USD", 1);
    assertThatThrownBy(() -> a.merge(of("m", null, "EUR", 1))).hasMessageContaining("cannot merge");
    assertThatThrownBy(() -> a.merge(of("n", null, "USD", 1))).hasMessageContaining("cannot merge");
    assertThatThrownBy(() -> a.merge(of("m", "escort", "USD", 1))).hasMessageContaining("cannot merge");
  }

  @Test
  void sketchBytesRoundTrip() {
    MarketBaseline a = of("Metro-A", "Escort", "usd", range(10, 500));
    MarketBaseline b = MarketBaseline.fromSketchBytes(a.market(), a.category().orElse(null), a.currency(), a.sketchBytes());
    assertThat(b.market()).isEqualTo("metro-a");
    assertThat(b.category()).contains("escort");
    assertThat(b.currency()).isEqualTo("USD");
    assertThat(b.count()).isEqualTo(a.count());
    assertThat(b.sketchBytes()).isEqualTo(a.sketchBytes());
    for (double q : new double[] {0, 0.05, 0.5, 1}) assertThat(b.quantile(q)).isEqualTo(a.quantile(q));
  }

  @Test
  void invalidInputIsRejectedWithTheProblem() {
    MarketBaseline.Builder b = MarketBaseline.builder("m", null, "USD");
    assertThatThrownBy(() -> b.add(-1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> b.add(Double.NaN)).hasMessageContaining("positive");
    assertThatThrownBy(() -> b.add(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    assertThatThrownBy(() -> MarketBaseline.builder(" ", null, "USD")).hasMessageContaining("market");
    assertThatThrownBy(() -> MarketBaseline.builder("m", null, "dollars")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> MarketBaseline.fromSketchBytes("m", null, "USD", new byte[] {1, 2, 3}))
        .hasMessageContaining("not a serialised KLL doubles sketch");
    assertThatThrownBy(() -> b.build().median()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no observations");
  }

  @Test
  void histogramCountsAddUp() {
    MarketBaseline m = of("m", null, "USD", range(1, 100));
    double[] h = m.histogram(new double[] {25.5, 50.5, 75.5});
    assertThat(h).hasSize(4);
    assertThat(h[0]).isEqualTo(25.0);
    assertThat(Arrays.stream(h).sum()).isCloseTo(100.0, within(1e-9));
  }
}
