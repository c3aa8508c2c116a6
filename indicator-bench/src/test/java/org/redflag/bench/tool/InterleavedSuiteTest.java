package org.redflag.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.redflag.bench.AssessBenchmark;
import org.redflag.bench.MatchingPeersBenchmark;
import org.redflag.bench.NlpBenchmark;
import org.redflag.bench.PairedOp;

class InterleavedSuiteTest {
  /**
   * An op on fake clocks: each slice advances time by the slice, allocates {@code bytes} per op and runs
   * {@code opsPerSlice[i]} ops in its i-th slice (the last one from then on).
   */
  private static InterleavedSuite.Op fake(AtomicLong clock, AtomicLong allocated, List<String> calls, String name,
      long bytes, long... opsPerSlice) {
    int[] call = {0};
    LongUnaryOperator op = nanos -> {
      calls.add(name);
      clock.addAndGet(nanos);
      long n = opsPerSlice[Math.min(call[0]++, opsPerSlice.length - 1)];
      allocated.addAndGet(n * bytes);
      return n;
    };
    return new InterleavedSuite.Op("X." + name, "1KB", op);
  }

  @Test
  void warmsUpEachOpThenEveryRoundRunsEveryOpStartingOneFurtherOn() {
    AtomicLong clock = new AtomicLong(), alloc = new AtomicLong();
    List<String> calls = new ArrayList<>();
    List<InterleavedSuite.Op> ops = List.of(fake(clock, alloc, calls, "a", 0, 1), fake(clock, alloc, calls, "b", 0, 1),
        fake(clock, alloc, calls, "c", 0, 1));
    // warm-up of 25 ns in slices of 10: three slices of each op (10 + 10 + 5)
    InterleavedSuite.run(ops, 4, 10, 25, clock::get, alloc::get);
    assertThat(calls).containsExactly("a", "a", "a", "b", "b", "b", "c", "c", "c",
        "a", "b", "c", "b", "c", "a", "c", "a", "b", "a", "b", "c");
  }

  @Test
  void scoreIsTheMedianThroughputOfTheRoundsAndBytesPerOpTheirMedian() {
    AtomicLong clock = new AtomicLong(), alloc = new AtomicLong();
    List<String> calls = new ArrayList<>();
    // slices of 1 ms: 100 ops = 100,000 ops/s; rounds 100, 300, 200, 50, 100 ops
    List<InterleavedSuite.Measured> r = InterleavedSuite.run(List.of(
        fake(clock, alloc, calls, "a", 64, 100, 300, 200, 50, 100), fake(clock, alloc, calls, "b", 0, 7)),
        5, 1_000_000, 0, clock::get, alloc::get);
    assertThat(r.get(0).opsPerSecond()).containsExactly(100_000, 300_000, 200_000, 50_000, 100_000);
    assertThat(r.get(0).median()).isCloseTo(100_000, within(1e-9));
    assertThat(r.get(0).medianBytesPerOp()).isCloseTo(64, within(1e-12));
    assertThat(r.get(0).confidence()).containsExactly(50_000, 300_000); // 5 rounds: smallest to largest
    assertThat(r.get(1).median()).isCloseTo(7_000, within(1e-9));
    assertThat(r.get(1).medianBytesPerOp()).isZero();
  }

  @Test
  void confidenceRanksBoundTheMedianWithAtLeast999Permille() {
    assertThat(InterleavedSuite.confidenceRanks(1)).isEqualTo(1);
    assertThat(InterleavedSuite.confidenceRanks(10)).isEqualTo(1); // 2 / 2^10 > 0.001: not even smallest..largest
    assertThat(InterleavedSuite.confidenceRanks(11)).isEqualTo(1); // 2 / 2^11 <= 0.001 < 24 / 2^11
    assertThat(InterleavedSuite.confidenceRanks(15)).isEqualTo(2);
    assertThat(InterleavedSuite.confidenceRanks(20)).isEqualTo(3); // P(X <= 2) = 211 / 2^20, P(X <= 3) = 1351 / 2^20
    for (int n = 11; n <= 200; n++) {
      int k = InterleavedSuite.confidenceRanks(n);
      // the two tails outside ranks k..n+1-k hold at most 0.001 together, and one more rank each would not
      assertThat(2 * binomialBelow(n, k)).as("n=%d", n).isLessThanOrEqualTo(0.001);
      assertThat(2 * binomialBelow(n, k + 1)).as("n=%d", n).isGreaterThan(0.001);
    }
  }

  /** P(X < k) for X ~ Binomial(n, 1/2), summed in logs. */
  private static double binomialBelow(int n, int k) {
    double p = 0;
    for (int i = 0; i < k; i++) {
      double logC = 0;
      for (int j = 1; j <= i; j++) logC += Math.log(n - i + j) - Math.log(j);
      p += Math.exp(logC - n * Math.log(2));
    }
    return p;
  }

  @Test
  void anOpThatRunsNothingOrNoOpsAtAllIsAnError() {
    AtomicLong clock = new AtomicLong(), alloc = new AtomicLong();
    List<String> calls = new ArrayList<>();
    assertThatThrownBy(() -> InterleavedSuite.run(List.of(fake(clock, alloc, calls, "a", 0, 0)), 2, 10, 0, clock::get, alloc::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("X.a 1KB ran no op");
    assertThatThrownBy(() -> InterleavedSuite.run(List.of(), 2, 10, 0, clock::get, alloc::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ops");
  }

  @Test
  void resultsAreJmhStyleJsonThatTheGateAndReportRead(@TempDir Path dir) throws IOException {
    AtomicLong clock = new AtomicLong(), alloc = new AtomicLong();
    List<String> calls = new ArrayList<>();
    List<InterleavedSuite.Op> ops = List.of(
        new InterleavedSuite.Op("MatchingPeersBenchmark.javaRegex", "1KB", fake(clock, alloc, calls, "r", 0, 2).op()),
        new InterleavedSuite.Op("AssessBenchmark.assess", "1KB", fake(clock, alloc, calls, "s", 1500, 400).op()));
    List<InterleavedSuite.Measured> measured = InterleavedSuite.run(ops, 3, 100_000_000, 0, clock::get, alloc::get);
    Path file = dir.resolve("interleaved.json");
    Files.writeString(file, InterleavedSuite.toJson(measured, 100_000_000).toPrettyString());
    List<JmhResult> rows = JmhResult.read(file);
    assertThat(rows).hasSize(2);
    JmhResult assess = rows.get(1);
    assertThat(assess.key()).isEqualTo("AssessBenchmark.assess {size=1KB}");
    assertThat(assess.opsPerSecond()).isCloseTo(4_000, within(1e-9));
    assertThat(assess.allocBytesPerOp().getAsDouble()).isCloseTo(1500, within(1e-9));
    assertThat(Ratios.of(rows, "run")).containsEntry("AssessBenchmark.assess {size=1KB}", 200.0);
    assertThat(Files.readString(file)).contains("\"harness\" : \"" + InterleavedSuite.HARNESS + "\"");
    assertThat(rows).allSatisfy(x -> assertThat(x.harness()).isEqualTo(InterleavedSuite.HARNESS));
    List<RatioGate.Row> gate = new RatioGate(0.1).compare(Map.of("base", rows), rows, "current");
    assertThat(RatioGate.passes(gate)).isTrue();
    // gated against a JMH baseline, the gate says that the harnesses differ
    BenchToolRun mixed = BenchToolRun.of("gate", jmhFixture(), file.toString());
    assertThat(mixed.err()).contains("warning: ", "was measured by [JMH]", "by [" + InterleavedSuite.HARNESS + "]");
    assertThat(BenchToolRun.of("gate", file.toString(), file.toString()).err()).doesNotContain("warning");
  }

  @Test
  void theOpsAreExactlyTheThroughputBenchmarks() {
    List<String> jmh = new ArrayList<>();
    for (Class<?> c : List.of(AssessBenchmark.class, NlpBenchmark.class, MatchingPeersBenchmark.class)) {
      for (Method m : c.getDeclaredMethods()) if (m.isAnnotationPresent(Benchmark.class)) jmh.add(c.getSimpleName() + "." + m.getName());
    }
    List<String> ops = PairedOp.jmhBenchmarks().stream().map(PairedOp::jmhName).toList();
    assertThat(ops).containsExactlyInAnyOrderElementsOf(jmh);
    assertThatThrownBy(() -> PairedOp.jmhName("prices")).hasMessageContaining("not a JMH benchmark");
  }

  private static String jmhFixture() {
    try {
      return Path.of(InterleavedSuiteTest.class.getResource("/jmh/baseline.json").toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static BenchToolRun interleave(String... args) { return BenchToolRun.of("interleave", args); }

  @Test
  void commandLineNamesWhatIsWrong() {
    assertThat(interleave()).satisfies(r -> {
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("interleave needs OUT.json");
    });
    assertThat(interleave("o.json", "--only", "redflag,scoring").err()).contains("--only: unknown benchmark 'scoring'", "assess,assessWithBaseline");
    assertThat(interleave("o.json", "--only", "prices").err()).contains("--only: unknown benchmark 'prices'");
    assertThat(interleave("o.json", "--sizes", "1KB,2KB").err()).contains("--sizes: unknown advert size '2KB'");
    assertThat(interleave("o.json", "--rounds", "0").err()).contains("--rounds is out of range: 0");
    assertThat(interleave("o.json", "--slice-ms", "x").err()).contains("--slice-ms must be a whole number, was 'x'");
    assertThat(interleave("o.json", "--fast").err()).contains("unknown option '--fast'");
  }

  @Test
  void measuresRealOpsInClassLoadersOfTheirOwn(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("r.json");
    BenchToolRun r = interleave(out.toString(), "--only", "redflag,redflagScanOnly", "--sizes", "200B", "--rounds", "3",
        "--slice-ms", "5", "--warmup-s", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JmhResult> rows = JmhResult.read(out);
    assertThat(rows).extracting(JmhResult::key)
        .containsExactly("MatchingPeersBenchmark.redflag {size=200B}", "MatchingPeersBenchmark.redflagScanOnly {size=200B}");
    assertThat(rows).allSatisfy(x -> assertThat(x.opsPerSecond()).isPositive());
    assertThat(r.out()).contains("results: " + out + " (3 rounds of 5 ms slices)");
  }
}
