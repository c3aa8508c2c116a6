package org.redflag.bench.tool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CI regression gate: compares the ratios (see {@link Ratios}) of a current JMH run with those of a
 * baseline run (or the median of several) and fails when any ratio dropped by more than the tolerance
 * (a fraction: 0.2 means a benchmark may lose up to 20% of its speed relative to {@code javaRegex}). A benchmark of the baseline
 * that is missing from the current run fails too: renaming or dropping one needs a refreshed baseline.
 * Benchmarks only in the current run are listed as new and do not fail.
 */
public final class RatioGate {
  /** Outcome of one comparison row. */
  public enum Status { OK, IMPROVED, REGRESSED, MISSING, NEW }

  /** One row of the gate's table; ratios are NaN where a side lacks the benchmark. */
  public record Row(String key, double baselineRatio, double currentRatio, Status status) {
    /** Relative change of the ratio, {@code current / baseline - 1}. */
    public double change() { return currentRatio / baselineRatio - 1; }
  }

  private final double tolerance;
  private final String reference;

  /** A gate on ratios to {@link JmhResult#REFERENCE}. */
  public RatioGate(double tolerance) { this(tolerance, JmhResult.REFERENCE); }

  /** A gate on ratios to {@code reference} ({@code Class.method}, e.g. {@code MatchingPeersBenchmark.orgAhocorasick}). */
  public RatioGate(double tolerance, String reference) {
    this.reference = java.util.Objects.requireNonNull(reference, "reference");
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be a fraction in [0, 1), e.g. 0.2, was " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /**
   * Compares with several baseline runs (by name): each benchmark's baseline ratio is the median of its
   * ratios in the baseline runs that have it (the mean of the two middle ones for an even count), so one
   * run measured while the machine was busy, or one slow {@code javaRegex} sample, does not set it.
   */
  public List<Row> compare(Map<String, List<JmhResult>> baselines, List<JmhResult> current, String currentName) {
    if (baselines.isEmpty()) throw new IllegalArgumentException("at least one baseline run is needed");
    Map<String, List<Double>> ratios = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<JmhResult>> b : baselines.entrySet()) {
      for (Map.Entry<String, Double> e : Ratios.of(b.getValue(), b.getKey(), reference).entrySet()) {
        ratios.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
    }
    Map<String, Double> base = new java.util.LinkedHashMap<>();
    ratios.forEach((k, v) -> base.put(k, median(v)));
    Map<String, Double> cur = Ratios.of(current, currentName, reference);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : base.entrySet()) {
      Double c = cur.get(e.getKey());
      if (c == null) {
        rows.add(new Row(e.getKey(), e.getValue(), Double.NaN, Status.MISSING));
        continue;
      }
      double change = c / e.getValue() - 1;
      Status s = change < -tolerance ? Status.REGRESSED : change > tolerance ? Status.IMPROVED : Status.OK;
      rows.add(new Row(e.getKey(), e.getValue(), c, s));
    }
    for (Map.Entry<String, Double> e : cur.entrySet()) {
      if (!base.containsKey(e.getKey())) rows.add(new Row(e.getKey(), Double.NaN, e.getValue(), Status.NEW));
    }
    return rows;
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Whether the rows pass the gate. */
  public static boolean passes(List<Row> rows) {
    return rows.stream().noneMatch(r -> r.status() == Status.REGRESSED || r.status() == Status.MISSING);
  }

  /** Prints the comparison as an aligned table with a closing verdict line. */
  public void print(List<Row> rows, PrintStream out) {
    int w = Math.max(9, rows.stream().mapToInt(r -> r.key().length()).max().orElse(0));
    String fmt = "%-" + w + "s  %14s  %14s  %8s  %s%n";
    out.printf(Locale.ROOT, fmt, "benchmark", "baseline ratio", "current ratio", "change", "status");
    for (Row r : rows) {
      out.printf(Locale.ROOT, fmt, r.key(), num(r.baselineRatio()), num(r.currentRatio()),
          Double.isNaN(r.change()) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.change()), r.status());
    }
    long bad = rows.stream().filter(r -> r.status() == Status.REGRESSED || r.status() == Status.MISSING).count();
    out.printf(Locale.ROOT, "%s: %d of %d baseline benchmarks regressed or missing (tolerance %.0f%% of the ratio to %s)%n",
        bad == 0 ? "PASS" : "FAIL", bad, rows.stream().filter(r -> r.status() != Status.NEW).count(),
        100 * tolerance, reference);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) return "-";
    return v >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
