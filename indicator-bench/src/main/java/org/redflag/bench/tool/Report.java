package org.redflag.bench.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Markdown results table and the performance targets, checked on one JMH run. */
public final class Report {
  private Report() {}

  /** Markdown table: benchmark, size, adverts/s with error, ratio to javaRegex, bytes allocated per op. */
  public static String table(List<JmhResult> run) {
    Map<String, Double> ratios = Ratios.of(run, "results");
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | size | ops/s | ± (99.9%) | ratio to javaRegex | alloc B/op |\n");
    sb.append("|---|---|---:|---:|---:|---:|\n");
    for (JmhResult r : run) {
      double ops = r.opsPerSecond();
      double relErr = Double.isNaN(r.scoreError()) || r.score() == 0 ? Double.NaN : r.scoreError() / r.score();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3g | %s |%n", r.benchmark(),
          r.params().getOrDefault("size", "-"), ops(ops),
          Double.isNaN(relErr) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * relErr),
          ratios.get(r.key()),
          r.allocBytesPerOp().isPresent() ? String.format(Locale.ROOT, "%.0f", r.allocBytesPerOp().getAsDouble()) : "-"));
    }
    return sb.toString();
  }

  /** One performance target checked for one size. */
  public record Target(String name, String size, double measured, double required, boolean atMost, String unit) {
    public boolean met() { return atMost ? measured <= required : measured >= required; }
  }

  /** The targets of the benchmark issue, for every size present in the run. */
  public static List<Target> targets(List<JmhResult> run) {
    Set<String> sizes = new LinkedHashSet<>();
    for (JmhResult r : run) if (r.params().containsKey("size")) sizes.add(r.params().get("size"));
    List<Target> out = new ArrayList<>();
    for (String size : sizes) {
      Optional<JmhResult> redflag = find(run, "MatchingPeersBenchmark.redflag", size);
      Optional<JmhResult> regex = find(run, "MatchingPeersBenchmark.javaRegex", size);
      Optional<JmhResult> aho = find(run, "MatchingPeersBenchmark.orgAhocorasick", size);
      Optional<JmhResult> hs = find(run, "MatchingPeersBenchmark.hyperscan", size);
      Optional<JmhResult> assess = find(run, "AssessBenchmark.assess", size);
      Optional<JmhResult> nlp = find(run, "NlpBenchmark.assess", size);
      if (redflag.isPresent()) {
        double rf = redflag.get().opsPerSecond();
        regex.ifPresent(r -> out.add(new Target("redflag / javaRegex", size, rf / r.opsPerSecond(), 20, false, "x")));
        aho.ifPresent(r -> out.add(new Target("redflag / orgAhocorasick", size, rf / r.opsPerSecond(), 2, false, "x")));
        hs.ifPresent(r -> out.add(new Target("redflag / hyperscan", size, rf / r.opsPerSecond(), 0.5, false, "x")));
        assess.ifPresent(r -> out.add(new Target("assess / redflag", size, r.opsPerSecond() / rf, 0.4, false, "x")));
      }
      assess.flatMap(r -> r.allocBytesPerOp().isPresent() ? Optional.of(r.allocBytesPerOp().getAsDouble()) : Optional.empty())
          .ifPresent(b -> out.add(new Target("assess allocation", size, b, 4096, true, "B/op")));
      nlp.ifPresent(r -> out.add(new Target("NLP assess throughput", size, r.opsPerSecond(), 3000, false, "ads/s")));
    }
    return out;
  }

  public static String targetTable(List<JmhResult> run) {
    StringBuilder sb = new StringBuilder();
    sb.append("| target | size | measured | required | met |\n|---|---|---:|---:|---|\n");
    for (Target t : targets(run)) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s %s %s | %s |%n", t.name(), t.size(), fmt(t.measured()),
          t.unit(), t.atMost() ? "<=" : ">=", fmt(t.required()), t.unit(), t.met() ? "yes" : "**no**"));
    }
    return sb.toString();
  }

  private static Optional<JmhResult> find(List<JmhResult> run, String benchmark, String size) {
    return run.stream().filter(r -> r.benchmark().equals(benchmark) && size.equals(r.params().get("size"))).findFirst();
  }

  private static String fmt(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  /** Adverts per second, readable. */
  static String ops(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
