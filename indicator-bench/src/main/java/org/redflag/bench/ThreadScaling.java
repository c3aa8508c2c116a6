package org.redflag.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.io.AssessmentJson;
import org.redflag.io.OrderedParallel;

/**
 * How {@code --threads} scales: the per-line work of {@code redflag score} (parse the JSON line,
 * assess, serialise the assessment) over the benchmark corpus through {@link OrderedParallel}, the
 * same code the commands use, at each thread count in turn. Rounds interleave the thread counts, so
 * load from other processes on a shared machine falls on all of them alike; the report gives the
 * median throughput per thread count and the median of the per-round ratios to one thread.
 *
 * <p>A plain harness rather than a JMH benchmark: JMH's own worker threads would compete with the
 * pool being measured, and the suite's runner ({@code run.sh}) pins every benchmark to one thread.
 * Run it from the benchmarks jar:
 *
 * <pre>java -cp indicator-bench/target/benchmarks.jar org.redflag.bench.ThreadScaling [--threads 1,2] [--rounds 10] [--size 1KB] [--passes 4]</pre>
 */
public final class ThreadScaling {
  private ThreadScaling() {}

  /** One measured pass: {@code passes} times over the corpus, returns adverts per second. */
  static double pass(RiskEngine engine, List<String> lines, int passes, int threads, long[] checksum) throws IOException {
    int total = lines.size() * passes;
    int[] next = {0};
    long[] sum = {0};
    long start = System.nanoTime();
    OrderedParallel.run(() -> next[0] < total ? lines.get(next[0]++ % lines.size()) : null, threads,
        line -> AssessmentJson.toJsonLine(engine.assess(AdvertJson.parse(line))),
        (line, json) -> sum[0] = 31 * sum[0] + json.hashCode());
    double seconds = (System.nanoTime() - start) / 1e9;
    checksum[0] = sum[0];
    return total / seconds;
  }

  /** The corpus as the JSON lines {@code score} would read. */
  static List<String> lines(SyntheticAdverts.Size size) {
    List<String> out = new ArrayList<>();
    for (Advert a : SyntheticAdverts.corpus(size)) out.add(AdvertJson.toCanonicalJson(a));
    return out;
  }

  public static void main(String[] args) throws IOException {
    int[] threads = {1, 2};
    int rounds = 10;
    int passes = 4;
    SyntheticAdverts.Size size = SyntheticAdverts.Size.MEDIUM;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (v == null) throw new IllegalArgumentException(args[i] + " needs a value");
      switch (args[i]) {
        case "--threads" -> threads = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--rounds" -> rounds = Integer.parseInt(v);
        case "--passes" -> passes = Integer.parseInt(v);
        case "--size" -> size = SyntheticAdverts.Size.of(v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --threads 1,2 --rounds N --passes N --size 200B|1KB|10KB");
      }
      i++;
    }
    RiskEngine engine = RiskEngine.withDefaults();
    List<String> lines = lines(size);
    long[] checksum = new long[1];
    // warm-up: C2 compiles the assess path within a few seconds
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) pass(engine, lines, 1, threads[threads.length - 1], checksum);
    double[][] rate = new double[threads.length][rounds];
    Long expected = null;
    for (int r = 0; r < rounds; r++) {
      for (int t = 0; t < threads.length; t++) {
        rate[t][r] = pass(engine, lines, passes, threads[t], checksum);
        if (expected == null) expected = checksum[0];
        else if (checksum[0] != expected) throw new IllegalStateException("the output at " + threads[t] + " threads differs from the first pass");
      }
    }
    System.out.printf(Locale.ROOT, "ThreadScaling: %d adverts of %s x %d passes per measurement, %d rounds, %d processors available%n",
        lines.size(), size.label(), passes, rounds, Runtime.getRuntime().availableProcessors());
    System.out.println("threads  adverts/s (median)  min..max          speed-up (median of per-round ratios)");
    for (int t = 0; t < threads.length; t++) {
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) ratios[r] = rate[t][r] / rate[0][r];
      System.out.printf(Locale.ROOT, "%7d  %19.0f  %7.0f..%-7.0f  %.2fx%n", threads[t], median(rate[t]),
          Arrays.stream(rate[t]).min().orElse(0), Arrays.stream(rate[t]).max().orElse(0), median(ratios));
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
