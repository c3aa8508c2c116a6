package org.redflag.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
  /** An op on a fake clock: each slice advances the clock by the slice and reports {@code ops} ops. */
  private static LongUnaryOperator fake(AtomicLong clock, List<String> calls, String name, long... opsPerSlice) {
    int[] call = {0};
    return nanos -> {
      calls.add(name);
      clock.addAndGet(nanos);
      return opsPerSlice[Math.min(call[0]++, opsPerSlice.length - 1)];
    };
  }

  @Test
  void ratioIsBTimePerOpOverAs() {
    AtomicLong clock = new AtomicLong();
    List<String> calls = new ArrayList<>();
    // B runs half as many ops per slice: twice the time per op
    PairedComparison.Result r = PairedComparison.compare(fake(clock, calls, "A", 100), fake(clock, calls, "B", 50),
        6, 1_000_000, 2, clock::get);
    assertThat(r.median()).isCloseTo(2.0, within(1e-12));
    assertThat(r.lowerQuartile()).isCloseTo(2.0, within(1e-12));
    assertThat(r.meanNanosA()).isCloseTo(10_000, within(1e-9));
    assertThat(r.meanNanosB()).isCloseTo(20_000, within(1e-9));
    assertThat(r.rounds()).isEqualTo(6);
    assertThat(r.describe("x")).contains("median 2.000 (+100.0%)");
  }

  @Test
  void warmsUpBothThenAlternatesWhichGoesFirst() {
    AtomicLong clock = new AtomicLong();
    List<String> calls = new ArrayList<>();
    PairedComparison.compare(fake(clock, calls, "A", 1), fake(clock, calls, "B", 1), 4, 10, 2, clock::get);
    assertThat(calls).containsExactly("A", "B", "A", "B", // warm-up
        "A", "B", "B", "A", "A", "B", "B", "A");
  }

  @Test
  void medianAndQuartilesOfTheRoundsRatios() {
    AtomicLong clock = new AtomicLong();
    List<String> calls = new ArrayList<>();
    // A: 100 ops every slice; B's slices in round order (B second, first, second, first, second): 100, 50, 200, 25, 100
    PairedComparison.Result r = PairedComparison.compare(fake(clock, calls, "A", 100),
        fake(clock, calls, "B", 100, 50, 200, 25, 100), 5, 1000, 0, clock::get);
    // ratios 1, 2, 0.5, 4, 1 -> sorted 0.5, 1, 1, 2, 4
    assertThat(r.median()).isCloseTo(1.0, within(1e-12));
    assertThat(r.lowerQuartile()).isCloseTo(1.0, within(1e-12));
    assertThat(r.upperQuartile()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void bothOrdersCancelTheSecondLoadedBuildsBias() {
    // true ratio 1.2, and whichever build is loaded second runs at 0.9 of its time
    double m1 = 1.2 * 0.9;       // A first: B over A
    double m2 = (1 / 1.2) * 0.9; // B first: A over B
    assertThat(PairedComparison.combined(m1, m2)).isCloseTo(1.2, within(1e-12));
    assertThat(PairedComparison.combined(1.0, 1.0)).isEqualTo(1.0);
  }

  @Test
  void quantileInterpolatesBetweenRanks() {
    assertThat(PairedComparison.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    assertThat(PairedComparison.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    assertThat(PairedComparison.quantile(new double[] {7}, 0.75)).isEqualTo(7);
  }

  @Test
  void anOpThatRunsNothingIsAnError() {
    AtomicLong clock = new AtomicLong();
    List<String> calls = new ArrayList<>();
    assertThatThrownBy(() -> PairedComparison.compare(fake(clock, calls, "A", 1), fake(clock, calls, "B", 0), 2, 10, 0, clock::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ran no op");
    assertThatThrownBy(() -> PairedComparison.compare(fake(clock, calls, "A", 1), fake(clock, calls, "B", 1), 0, 10, 0, clock::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds must be at least 1");
  }

  @Test
  void childMedianLinesAreReadByBenchmarkAndSize() {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    assertThat(PairedComparison.parseMedian("median assess 1KB 1.025000", m)).isTrue();
    assertThat(PairedComparison.parseMedian("median redflag 200B 0.98", m)).isTrue();
    assertThat(PairedComparison.parseMedian("assess 1KB: A 100 ns/op, B 102 ns/op (means of 3 rounds)", m)).isFalse();
    assertThat(PairedComparison.parseMedian("median assess 1KB x", m)).isFalse();
    assertThat(m).containsExactly(java.util.Map.entry("assess 1KB", 1.025), java.util.Map.entry("redflag 200B", 0.98));
  }

  @Test
  void theVerdictFailsWhenAnyPairIsSlowerThanAllowed() {
    List<String> keys = List.of("assess 1KB", "redflag 200B");
    // assess: B 1.2 times A in both orders (m1 = 1.2, m2 = 1 / 1.2); redflag: unchanged
    java.util.Map<String, Double> m1 = java.util.Map.of("assess 1KB", 1.2, "redflag 200B", 1.0);
    java.util.Map<String, Double> m2 = java.util.Map.of("assess 1KB", 1 / 1.2, "redflag 200B", 1.0);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(PairedComparison.verdict(keys, m1, m2, 1.10, o, o)).isEqualTo(1);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("assess 1KB: B/A time per op 1.200 (+20.0%)", "SLOWER", "redflag 200B: B/A time per op 1.000 (+0.0%)",
            "FAIL: in 1 of 2 comparisons B takes more than 1.100 times A's time per op");
    assertThat(PairedComparison.verdict(keys, m1, m2, 1.25, o, o)).isZero();
    assertThat(PairedComparison.verdict(keys, m1, m2, Double.NaN, o, o)).isZero();
    assertThat(PairedComparison.verdict(List.of("nlpAssess 10KB"), m1, m2, 1.10, o, o)).isEqualTo(2);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("error: no result for nlpAssess 10KB from both orders");
  }

  private static BenchToolRun ab(String... args) { return BenchToolRun.of("ab", args); }

  @Test
  void commandLineNamesWhatIsWrong() {
    assertThat(ab("a.jar", "b.jar", "assess")).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("ab needs A.jar B.jar BENCHMARK SIZE");
    });
    assertThat(ab("a.jar", "b.jar", "scoring", "1KB").err()).contains("unknown benchmark 'scoring'", "assess, assessWithBaseline");
    assertThat(ab("a.jar", "b.jar", "assess", "2KB").err()).contains("unknown advert size '2KB'");
    assertThat(ab("a.jar", "b.jar", "assess,scoring", "1KB").err()).contains("unknown benchmark 'scoring'");
    assertThat(ab("a.jar", "b.jar", "assess,redflag", "1KB,").err()).contains("unknown advert size ''");
    assertThat(ab("a.jar", "b.jar", "assess", "1KB", "--rounds", "x").err()).contains("--rounds must be a whole number, was 'x'");
    assertThat(ab("a.jar", "b.jar", "assess", "1KB", "--slice-ms", "0").err()).contains("--slice-ms is out of range: 0");
    assertThat(ab("a.jar", "b.jar", "assess", "1KB", "--fast").err()).contains("unknown option '--fast'");
    assertThat(ab("a.jar", "b.jar", "assess", "1KB", "--fail-above", "0.9").err()).contains("--fail-above must be at least 1");
    assertThat(ab("a.jar", "b.jar", "assess", "1KB", "--fail-above", "ten").err()).contains("--fail-above must be a number such as 1.10, was 'ten'");
    assertThat(ab("missing-a.jar", "b.jar", "assess", "1KB")).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("missing-a.jar: no such jar");
    });
  }

  @Test
  void benchToolHasOnlyThePairedComparison() {
    assertThat(BenchToolRun.of("gate", "baseline", "current.json")).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("unknown command 'gate'", "usage: BenchTool ab A.jar B.jar");
    });
  }
}
