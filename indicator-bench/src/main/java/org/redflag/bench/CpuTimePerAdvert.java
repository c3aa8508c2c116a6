package org.redflag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.RiskEngine;
import org.redflag.nlp.RedflagNlp;

/**
 * CPU time per advert, from the thread's own CPU clock ({@link ThreadMXBean#getCurrentThreadCpuTime}),
 * for the engines of {@link AssessBenchmark} and {@link NlpBenchmark} over the same corpus (no stated
 * language, as {@code NlpBenchmark}). On a shared machine JMH's wall-clock throughput counts the time
 * the benchmark thread waits for a core; the thread's CPU clock does not, so this reads what one core
 * would do, within the cache and frequency effects of the load. Rounds interleave the engines; the
 * report gives each engine's median over the rounds.
 *
 * <pre>java -cp indicator-bench/target/benchmarks.jar org.redflag.bench.CpuTimePerAdvert [--size 1KB] [--rounds 7]</pre>
 */
public final class CpuTimePerAdvert {
  private CpuTimePerAdvert() {}

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  static volatile Object sink;

  /** CPU nanoseconds per advert of one pass over {@code adverts}. */
  static double pass(Function<Advert, Object> op, Advert[] adverts) {
    long start = MX.getCurrentThreadCpuTime();
    for (Advert a : adverts) sink = op.apply(a);
    return (double) (MX.getCurrentThreadCpuTime() - start) / adverts.length;
  }

  public static void main(String[] args) {
    SyntheticAdverts.Size size = SyntheticAdverts.Size.MEDIUM;
    int rounds = 7;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      if (v == null) throw new IllegalArgumentException(args[i] + " needs a value");
      switch (args[i]) {
        case "--size" -> size = SyntheticAdverts.Size.of(v);
        case "--rounds" -> rounds = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--size, --rounds)");
      }
      i++;
    }
    if (!MX.isCurrentThreadCpuTimeSupported()) throw new IllegalStateException("this JVM has no thread CPU clock");
    Advert[] adverts = NlpBenchmark.withoutLanguage(SyntheticAdverts.corpus(size));
    String[] names = {"assess", "nlpAssess", "nlpAssessWithGrammar"};
    List<Function<Advert, Object>> ops = List.of(RiskEngine.withDefaults()::assess,
        RiskEngine.builder().nlp(RedflagNlp.component()).build()::assess,
        RiskEngine.builder().nlp(RedflagNlp.componentWithGrammar()).build()::assess);
    for (Function<Advert, Object> op : ops) { pass(op, adverts); pass(op, adverts); } // warm-up
    List<List<Double>> nanos = new ArrayList<>();
    for (int k = 0; k < ops.size(); k++) nanos.add(new ArrayList<>());
    for (int r = 0; r < rounds; r++) for (int k = 0; k < ops.size(); k++) nanos.get(k).add(pass(ops.get(k), adverts));
    System.out.printf(Locale.ROOT, "%d adverts of %s, %d rounds, median CPU time per advert of one thread%n",
        adverts.length, size.label(), rounds);
    for (int k = 0; k < ops.size(); k++) {
      List<Double> ns = nanos.get(k);
      Collections.sort(ns);
      double median = ns.get(ns.size() / 2);
      System.out.printf(Locale.ROOT, "%-22s %8.1f us  %,8.0f adverts/s per core  (rounds %.1f-%.1f us)%n", names[k],
          median / 1000, 1e9 / median, ns.get(0) / 1000, ns.get(ns.size() - 1) / 1000);
    }
  }
}
