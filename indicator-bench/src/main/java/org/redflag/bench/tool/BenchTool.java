package org.redflag.bench.tool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line for benchmark results, run from the benchmarks jar:
 * {@code java -cp benchmarks.jar org.redflag.bench.tool.BenchTool COMMAND ...}.
 *
 * <ul>
 *   <li>{@code gate BASELINE... CURRENT.json [--tolerance 0.2] [--exclude REGEX] [--reference Class.method]}: exit 0 when no ratio dropped more
 *       than the tolerance, 1 when one did (or a baseline benchmark is missing), 2 on bad input; each BASELINE
 *       is a JMH JSON file or a folder of them, and with several runs each benchmark's baseline ratio is
 *       their median;
 *   <li>{@code merge OUT.json IN.json...}: concatenates JMH result files;
 *   <li>{@code report RESULTS.json}: Markdown results and targets tables;
 *   <li>{@code svg RESULTS.json OUT.svg [TITLE]}: bar chart of the throughput benchmarks;
 *   <li>{@code ab A.jar B.jar BENCHMARK[,...] SIZE[,...] [--rounds 40] [--slice-ms 200] [--warmup-s 8] [--fail-above R] [--one-order]}:
 *       paired comparison of two builds' benchmarks jars (see {@link PairedComparison});
 *   <li>{@code interleave OUT.json [--rounds 20] [--slice-ms 100] [--warmup-s 2] [--sizes LIST] [--only LIST]}: the
 *       throughput benchmarks measured in interleaved slices in this JVM, written as JMH-style JSON for
 *       {@code gate}, {@code report} and {@code svg} (see {@link InterleavedSuite}).
 * </ul>
 */
public final class BenchTool {
  private BenchTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) return usage(err, "a command is required");
    try {
      switch (args[0]) {
        case "gate":
          return gate(args, out, err);
        case "ab":
          return PairedComparison.run(args, out, err);
        case "interleave":
          return InterleavedSuite.run(args, out, err);
        case "merge": {
          if (args.length < 3) return usage(err, "merge needs OUT.json and at least one IN.json");
          ObjectMapper m = new ObjectMapper();
          ArrayNode all = m.createArrayNode();
          for (int i = 2; i < args.length; i++) {
            JmhResult.read(Path.of(args[i])); // validates
            all.addAll((ArrayNode) m.readTree(Path.of(args[i]).toFile()));
          }
          m.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), all);
          return 0;
        }
        case "report": {
          if (args.length != 2) return usage(err, "report needs RESULTS.json");
          List<JmhResult> run = JmhResult.read(Path.of(args[1]));
          out.print(Report.table(run));
          out.println();
          out.print(Report.targetTable(run));
          return 0;
        }
        case "svg": {
          if (args.length < 3 || args.length > 4) return usage(err, "svg needs RESULTS.json OUT.svg [TITLE]");
          List<JmhResult> run = JmhResult.read(Path.of(args[1]));
          String title = args.length == 4 ? args[3] : "Redflag benchmarks: adverts per second, one thread";
          Files.writeString(Path.of(args[2]), SvgChart.render(run, title), StandardCharsets.UTF_8);
          return 0;
        }
        default:
          return usage(err, "unknown command '" + args[0] + "'");
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static int gate(String[] args, PrintStream out, PrintStream err) throws IOException {
    double tolerance = 0.2;
    java.util.regex.Pattern exclude = null;
    String reference = JmhResult.REFERENCE;
    List<String> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--tolerance")) {
        if (i + 1 == args.length) return usage(err, "--tolerance needs a value, e.g. 0.2");
        try {
          tolerance = Double.parseDouble(args[++i]);
        } catch (NumberFormatException e) {
          return usage(err, "--tolerance must be a number such as 0.2, was '" + args[i] + "'");
        }
      } else if (args[i].equals("--exclude")) {
        if (i + 1 == args.length) return usage(err, "--exclude needs a regular expression over benchmark names");
        try {
          exclude = java.util.regex.Pattern.compile(args[++i]);
        } catch (java.util.regex.PatternSyntaxException e) {
          return usage(err, "--exclude is not a valid regular expression: " + e.getDescription());
        }
      } else if (args[i].equals("--reference")) {
        if (i + 1 == args.length || !args[i + 1].matches("\\w+\\.\\w+")) {
          return usage(err, "--reference needs a benchmark as Class.method, e.g. MatchingPeersBenchmark.orgAhocorasick");
        }
        reference = args[++i];
      } else if (args[i].startsWith("--")) {
        return usage(err, "unknown option '" + args[i] + "'");
      } else {
        files.add(args[i]);
      }
    }
    if (files.size() < 2) return usage(err, "gate needs at least one BASELINE (a JMH JSON file or a folder of them) and CURRENT.json");
    String current = files.remove(files.size() - 1);
    Map<String, List<JmhResult>> baselines = new LinkedHashMap<>();
    for (String b : files) {
      Path p = Path.of(b);
      if (Files.isDirectory(p)) {
        List<Path> runs;
        try (java.util.stream.Stream<Path> s = Files.list(p)) {
          runs = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (runs.isEmpty()) throw new IllegalArgumentException(b + ": folder has no .json results");
        for (Path f : runs) baselines.put(f.toString(), JmhResult.read(f));
      } else {
        baselines.put(b, JmhResult.read(p));
      }
    }
    RatioGate gate = new RatioGate(tolerance, reference);
    List<JmhResult> currentRun = JmhResult.read(Path.of(current));
    // runs of JMH and of the interleaved suite differ systematically in some ratios: say so when mixed
    java.util.Set<String> currentHarness = harnesses(currentRun);
    baselines.forEach((name, run) -> {
      if (!harnesses(run).equals(currentHarness)) {
        err.println("warning: " + name + " was measured by " + harnesses(run) + ", " + current + " by " + currentHarness
            + "; gate runs of one harness against baselines of the same");
      }
    });
    List<RatioGate.Row> rows = gate.compare(baselines, currentRun, current);
    if (exclude != null) {
      java.util.regex.Pattern x = exclude;
      rows = rows.stream().filter(r -> !x.matcher(r.key()).find()).toList();
    }
    gate.print(rows, out);
    return RatioGate.passes(rows) ? 0 : 1;
  }

  private static java.util.Set<String> harnesses(List<JmhResult> run) {
    java.util.Set<String> h = new java.util.TreeSet<>();
    for (JmhResult r : run) h.add(r.harness());
    return h;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println("usage: BenchTool gate BASELINE... CURRENT.json [--tolerance 0.2] [--exclude REGEX] [--reference Class.method]");
    err.println("       (each BASELINE a JMH JSON file or a folder of them; several: the median ratio is the baseline)");
    err.println("       BenchTool merge OUT.json IN.json...");
    err.println("       BenchTool report RESULTS.json");
    err.println("       BenchTool svg RESULTS.json OUT.svg [TITLE]");
    err.println("       BenchTool ab A.jar B.jar BENCHMARK[,...] SIZE[,...] [--rounds 40] [--slice-ms 200] [--warmup-s 8] [--fail-above R] [--one-order]");
    err.println("       BenchTool interleave OUT.json [--rounds 20] [--slice-ms 100] [--warmup-s 2] [--sizes 200B,1KB,10KB] [--only NAME,...]");
    return 2;
  }
}
