package org.redflag.bench.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each benchmark's speed relative to {@link JmhResult#REFERENCE} of the same run, so that results from
 * different machines compare. The reference is the {@code javaRegex} row with the same parameters; a
 * row whose parameters no {@code javaRegex} row has (e.g. the engine-start benchmark, which has none)
 * is divided by the geometric mean of all {@code javaRegex} rows of the run.
 */
public final class Ratios {
  private Ratios() {}

  /** Ratio per {@link JmhResult#key()}, in input order. */
  public static Map<String, Double> of(List<JmhResult> run, String source) {
    Map<Map<String, String>, Double> reference = new LinkedHashMap<>();
    double logSum = 0;
    for (JmhResult r : run) {
      if (r.benchmark().equals(JmhResult.REFERENCE)) {
        double ops = r.opsPerSecond();
        reference.put(r.params(), ops);
        logSum += Math.log(ops);
      }
    }
    if (reference.isEmpty()) {
      throw new IllegalArgumentException(source + ": has no " + JmhResult.REFERENCE
          + " result, which every ratio is relative to; run it in the same JMH run");
    }
    double geometricMean = Math.exp(logSum / reference.size());
    Map<String, Double> out = new LinkedHashMap<>();
    for (JmhResult r : run) out.put(r.key(), r.opsPerSecond() / reference.getOrDefault(r.params(), geometricMean));
    return out;
  }
}
