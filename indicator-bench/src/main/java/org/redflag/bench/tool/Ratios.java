package org.redflag.bench.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each benchmark's speed relative to a reference benchmark of the same run (by default
 * {@link JmhResult#REFERENCE}), so that results from different machines compare. The reference is its
 * row with the same parameters; a row whose parameters no reference row has (e.g. the engine-start
 * benchmark, which has none) is divided by the geometric mean of all reference rows of the run.
 */
public final class Ratios {
  private Ratios() {}

  /** Ratio to {@link JmhResult#REFERENCE} per {@link JmhResult#key()}, in input order. */
  public static Map<String, Double> of(List<JmhResult> run, String source) { return of(run, source, JmhResult.REFERENCE); }

  /** Ratio to {@code referenceBenchmark} ({@code Class.method}) per {@link JmhResult#key()}, in input order. */
  public static Map<String, Double> of(List<JmhResult> run, String source, String referenceBenchmark) {
    Map<Map<String, String>, Double> reference = new LinkedHashMap<>();
    double logSum = 0;
    for (JmhResult r : run) {
      if (r.benchmark().equals(referenceBenchmark)) {
        double ops = r.opsPerSecond();
        reference.put(r.params(), ops);
        logSum += Math.log(ops);
      }
    }
    if (reference.isEmpty()) {
      throw new IllegalArgumentException(source + ": has no " + referenceBenchmark
          + " result, which every ratio is relative to; run it in the same run");
    }
    double geometricMean = Math.exp(logSum / reference.size());
    Map<String, Double> out = new LinkedHashMap<>();
    for (JmhResult r : run) out.put(r.key(), r.opsPerSecond() / reference.getOrDefault(r.params(), geometricMean));
    return out;
  }
}
