package org.redflag.bench.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.redflag.bench.PairedOp;
import org.redflag.bench.corpus.SyntheticAdverts;

/**
 * The JMH throughput benchmarks measured <em>interleaved</em> in one JVM, for the ratio gate on a busy
 * machine. Each benchmark and size gets a class loader of its own over this tool's class path, with
 * one {@link PairedOp} (so its code is compiled by the JIT on its own, as in a JMH fork). After a warm-up
 * of each op, every round runs one time slice of every op, the first op of a round moving on by one
 * each round. Each op's score is the median of its rounds' throughputs, with a distribution-free
 * 99.9% confidence interval of that median; the bytes allocated per op (the thread's allocation
 * counter over a slice, divided by its ops) are reported as JMH's {@code gc.alloc.rate.norm}.
 *
 * <p>Why: JMH runs one benchmark after another, minutes apart, and on a shared machine the load moves
 * in between, which the gate's ratio to {@code javaRegex} does not cancel: on 2026-12-01 two
 * {@code run.sh --quick} runs of the same code differed by -40% to +80% in single ratios, and each
 * flagged 5 and 11 of 29 benchmarks against the shipped quick baseline. Here every op is measured in
 * every round, a few seconds apart at most, so load that comes and goes within a run falls on all of
 * them alike. Load that drifts over tens of minutes is not cancelled: it slows benchmarks unequally
 * (docs/performance.md, "Interleaved runs for the gate"); only a comparison at the same time is
 * ({@link PairedComparison}).
 *
 * <p>The output is a JMH-style JSON result file (the fields {@link JmhResult} reads, plus
 * {@code "harness": "BenchTool interleave"}), so {@code gate}, {@code report} and {@code svg} take it.
 * Its numbers are not JMH's: gate interleaved runs against interleaved baselines. Single-shot
 * benchmarks ({@code EngineStartBenchmark}) are not part of it.
 */
public final class InterleavedSuite {
  private InterleavedSuite() {}

  /** Written into each result row, so files from this harness can be told from JMH's. */
  public static final String HARNESS = "BenchTool interleave";

  /** One op to measure: JMH benchmark name ({@code Class.method}), size parameter, and the op. */
  public record Op(String benchmark, String size, LongUnaryOperator op) {}

  /** One op's rounds: throughput (ops/s) and bytes allocated per op, in round order. */
  public record Measured(String benchmark, String size, double[] opsPerSecond, double[] bytesPerOp) {
    public double median() { return PairedComparison.quantile(sorted(opsPerSecond), 0.5); }

    public double medianBytesPerOp() { return PairedComparison.quantile(sorted(bytesPerOp), 0.5); }

    /** The 99.9% confidence interval of the median throughput (see {@link #confidenceRanks}). */
    public double[] confidence() {
      double[] s = sorted(opsPerSecond);
      int k = confidenceRanks(s.length);
      return new double[] {s[k - 1], s[s.length - k]};
    }
  }

  private static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  /**
   * The rank {@code k} (1-based) such that the k-th smallest and the k-th largest of {@code n} values
   * bound their population median with at least 99.9% confidence, whatever the distribution: the
   * largest {@code k} with {@code P(Binomial(n, 1/2) < k) <= 0.0005}. Below 11 values even the smallest
   * and the largest do not reach 99.9%; the interval is then those two ({@code k = 1}).
   */
  static int confidenceRanks(int n) {
    if (n < 1) throw new IllegalArgumentException("no values");
    double term = Math.pow(0.5, n); // P(X = k - 1)
    double below = term;            // P(X < k), for k = 1
    int k = 1;
    while (2 * (k + 1) <= n + 1) { // ranks k + 1 and n - k stay in order
      term = term * (n - k + 1) / k; // P(X = k) = P(X = k - 1) * (n - k + 1) / k
      if (below + term > 0.0005) break;
      below += term;
      k++;
    }
    return k;
  }

  /**
   * Runs {@code warmUpNanos} of each op (in slices), then {@code rounds} rounds of one slice of each op.
   * {@code clock} times the slices; {@code allocated} is the running thread's allocated-bytes counter.
   */
  public static List<Measured> run(List<Op> ops, int rounds, long sliceNanos, long warmUpNanos, LongSupplier clock,
      LongSupplier allocated) {
    if (ops.isEmpty()) throw new IllegalArgumentException("no ops to measure");
    if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    if (sliceNanos < 1) throw new IllegalArgumentException("slice must be positive, was " + sliceNanos + " ns");
    for (Op o : ops) {
      for (long done = 0; done < warmUpNanos; ) {
        long t0 = clock.getAsLong();
        o.op().applyAsLong(Math.min(sliceNanos, warmUpNanos - done));
        done += Math.max(1, clock.getAsLong() - t0);
      }
    }
    int m = ops.size();
    double[][] speed = new double[m][rounds];
    double[][] bytes = new double[m][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < m; k++) {
        int j = (k + r) % m;
        long a0 = allocated.getAsLong();
        long t0 = clock.getAsLong();
        long n = ops.get(j).op().applyAsLong(sliceNanos);
        long t = clock.getAsLong() - t0;
        long a = allocated.getAsLong() - a0;
        if (n <= 0 || t <= 0) throw new IllegalStateException(ops.get(j).benchmark() + " " + ops.get(j).size() + " ran no op in a slice");
        speed[j][r] = n * 1e9 / t;
        bytes[j][r] = (double) a / n;
      }
    }
    List<Measured> out = new ArrayList<>();
    for (int j = 0; j < m; j++) out.add(new Measured(ops.get(j).benchmark(), ops.get(j).size(), speed[j], bytes[j]));
    return out;
  }

  /** The results as a JMH-style JSON array (see the class comment). */
  static ArrayNode toJson(List<Measured> results, long sliceNanos) {
    ObjectMapper m = new ObjectMapper();
    ArrayNode all = m.createArrayNode();
    for (Measured r : results) {
      ObjectNode row = all.addObject();
      row.put("harness", HARNESS);
      row.put("benchmark", "org.redflag.bench." + r.benchmark());
      row.put("mode", "thrpt");
      row.put("threads", 1);
      row.put("measurementIterations", r.opsPerSecond().length);
      row.put("measurementTime", String.format(Locale.ROOT, "%d ms", sliceNanos / 1_000_000));
      row.putObject("params").put("size", r.size());
      ObjectNode primary = row.putObject("primaryMetric");
      double[] ci = r.confidence();
      primary.put("score", r.median());
      primary.put("scoreError", (ci[1] - ci[0]) / 2);
      primary.putArray("scoreConfidence").add(ci[0]).add(ci[1]);
      primary.put("scoreUnit", "ops/s");
      ArrayNode raw = primary.putArray("rawData").addArray();
      for (double v : r.opsPerSecond()) raw.add(v);
      ObjectNode alloc = row.putObject("secondaryMetrics").putObject("·gc.alloc.rate.norm");
      alloc.put("score", r.medianBytesPerOp());
      alloc.put("scoreUnit", "B/op");
    }
    return all;
  }

  /** {@code BenchTool interleave OUT.json [--rounds 20] [--slice-ms 100] [--warmup-s 2] [--sizes LIST] [--only LIST]}. */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    TimingOptions timing = new TimingOptions(20, 100, 2);
    List<String> sizes = List.of("200B", "1KB", "10KB");
    List<String> benchmarks = PairedOp.jmhBenchmarks();
    List<String> pos = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (TimingOptions.handles(a)) {
        String problem = timing.take(args, i++);
        if (problem != null) return usage(err, problem);
      } else if (a.equals("--sizes") || a.equals("--only")) {
        if (i + 1 == args.length) return usage(err, a + " needs a comma-separated list");
        List<String> list = List.of(args[++i].split(",", -1));
        for (String x : list) {
          if (a.equals("--sizes")) {
            try {
              SyntheticAdverts.Size.of(x);
            } catch (IllegalArgumentException e) {
              return usage(err, "--sizes: " + e.getMessage());
            }
          } else if (!PairedOp.jmhBenchmarks().contains(x)) {
            return usage(err, "--only: unknown benchmark '" + x + "', expected some of " + String.join(",", PairedOp.jmhBenchmarks()));
          }
        }
        if (a.equals("--sizes")) sizes = list;
        else benchmarks = list;
      } else if (a.startsWith("--")) {
        return usage(err, "unknown option '" + a + "'");
      } else {
        pos.add(a);
      }
    }
    if (pos.size() != 1) return usage(err, "interleave needs OUT.json");
    Path target = Path.of(pos.get(0));
    URL[] classPath = classPath();
    List<Op> ops = new ArrayList<>();
    for (String b : benchmarks) {
      for (String size : sizes) {
        // a class loader per benchmark and size, as JMH forks a JVM per parameter value: with one loader
        // per benchmark its sizes share the JIT's profile and code (in two back-to-back runs on a busy
        // host, MatchingPeersBenchmark.redflag at 1KB read 108k ops/s beside its 200B and 10KB twins in
        // one loader, and 151k alone)
        ClassLoader loader = PairedComparison.loader(classPath);
        ops.add(new Op(PairedOp.jmhName(b), size, PairedComparison.newOp(loader, classPath[0], b, size)));
      }
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long slice = timing.sliceMs * 1_000_000L;
    List<Measured> results = run(ops, timing.rounds, slice, timing.warmUpSeconds * 1_000_000_000L, System::nanoTime,
        threads::getCurrentThreadAllocatedBytes);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), toJson(results, slice));
    for (Measured r : results) {
      double[] ci = r.confidence();
      out.println(String.format(Locale.ROOT, "%-40s %-5s %,14.1f ops/s  (99.9%% CI of the median %,.1f..%,.1f)  %,9.0f B/op",
          r.benchmark(), r.size(), r.median(), ci[0], ci[1], r.medianBytesPerOp()));
    }
    out.println("results: " + target + " (" + timing.rounds + " rounds of " + timing.sliceMs + " ms slices)");
    return 0;
  }

  /** This JVM's class path, as URLs for the benchmarks' own class loaders. */
  private static URL[] classPath() throws IOException {
    String[] parts = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
    URL[] urls = new URL[parts.length];
    for (int i = 0; i < parts.length; i++) urls[i] = Path.of(parts[i]).toUri().toURL();
    return urls;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println("usage: BenchTool interleave OUT.json [--rounds 20] [--slice-ms 100] [--warmup-s 2] [--sizes 200B,1KB,10KB] [--only NAME,...]");
    err.println("       NAME: " + String.join(", ", PairedOp.jmhBenchmarks()));
    return 2;
  }
}
