package org.redflag.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redflag.advert.Advert;
import org.redflag.bench.link.LinkRun;
import org.redflag.bench.link.PlantedClusters;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;

/**
 * Linking throughput: one single-shot {@code link} of 10k, 100k and 1M planted-cluster adverts
 * (identifier extraction, template features, LSH lookup and confirmation, union-find, cluster
 * summaries; not scoring, which {@link AssessBenchmark} measures). JMH reports seconds per run;
 * {@code main} runs each size in turn and prints adverts per second:
 * {@code java -Xmx8g -cp indicator-bench/target/benchmarks.jar org.redflag.bench.LinkBenchmark [SIZES]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
public class LinkBenchmark {
  @Param({"10000", "100000", "1000000"})
  int adverts;

  List<Advert> corpus;

  @Setup(Level.Trial)
  public void setUp() { corpus = corpus(adverts); }

  static List<Advert> corpus(int n) {
    return PlantedClusters.generate(20_261_203L, n).stream().map(PlantedClusters.Labelled::advert).toList();
  }

  @Benchmark
  public LinkResult link() { return LinkRun.link(corpus, LinkOptions.defaults()); }

  public static void main(String[] args) {
    int[] sizes = args.length > 0 ? java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {10_000, 100_000, 1_000_000};
    // warm up on the smallest size so the first measurement is not of the interpreter
    LinkRun.link(corpus(sizes[0]), LinkOptions.defaults());
    for (int n : sizes) {
      List<Advert> c = corpus(n);
      System.gc();
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
      LinkResult r = LinkRun.link(c, LinkOptions.defaults());
      double s = (System.nanoTime() - t0) / 1e9, cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      // CPU time of the linking thread as well as wall time: on a shared, busy machine the wall time
      // includes waiting for a core
      System.out.printf(Locale.ROOT, "%,d adverts: wall %.2f s (%,.0f adverts/s), thread CPU %.2f s (%,.0f adverts/s), %,d clusters%n",
          n, s, n / s, cpu, n / cpu, r.clusters().size());
    }
  }
}
