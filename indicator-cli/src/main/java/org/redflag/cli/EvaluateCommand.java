package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.fit.Evaluation;
import org.redflag.fit.EvaluationReport;
import org.redflag.fit.RankingBootstrap;
import org.redflag.indicator.Indicator;
import org.redflag.io.AdvertFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redflag evaluate}: measures the indicators against coded adverts ({@code expect} and
 * {@code forbid} lists) and, when adverts carry a {@code label}, the scores against the labels.
 * Reads lines as {@code score} does, with the same engine options; a bad line's error record goes to
 * standard error and is counted as {@code invalid}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = {"Measures indicators against coded adverts (JSON Lines: an advert object per line with optional \"expect\" and",
        "\"forbid\" lists of indicator ids and an optional \"label\": 0 or 1) and writes metrics as JSON and an HTML report.",
        "Invalid lines' error records go to standard error and are counted as \"invalid\"."})
final class EvaluateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "LABELLED", description = "Coded adverts, JSON Lines, or - for standard input.")
  String input;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the metrics (JSON) here instead of standard output.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "HTML report to write: per-indicator table, every miss and false fire with its advert, plots for labels.")
  Path report;

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid (they are still reported and counted).")
  boolean skipErrors;

  @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap replicates for the AUC and average-precision intervals (default ${DEFAULT-VALUE}; 0 = none).")
  int bootstrap = RankingBootstrap.DEFAULT_REPLICATES;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap (default ${DEFAULT-VALUE}).")
  long seed = RankingBootstrap.DEFAULT_SEED;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin ThreadOptions threads = new ThreadOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (bootstrap < 0) throw new RedflagCommand.CliException("--bootstrap must be 0 or more, was " + bootstrap, RedflagCommand.EXIT_USAGE);
    threads.threads();
    RiskEngine engine = engineOptions.builder().build();
    PrintWriter err = spec.commandLine().getErr();
    Evaluation.Builder eval = Evaluation.builder().bootstrap(bootstrap, seed)
        .knownIndicators(engine.indicators().stream().map(Indicator::id).toList())
        .provenance(engine.model().label(), engine.packs().labels());
    Map<String, Long> firstLine = new HashMap<>();
    AdvertLines.Counts counts = AdvertLines.read(AdvertLines.open(input, "LABELLED"), threads.threads(),
        (lineNo, node, advert) -> engine.assess(advert), (lineNo, node, advert, assessment) -> {
      Set<String> expect = ids(node, "expect");
      Set<String> forbid = ids(node, "forbid");
      int i = 0;
      for (String id : forbid) {
        if (expect.contains(id)) throw new AdvertFormatException("$.forbid[" + i + "]", "also listed in $.expect; a coder marks an indicator present or absent, not both");
        i++;
      }
      JsonNode l = node.get("label");
      Integer label = l == null || l.isNull() ? null : CalibrateCommand.label(l);
      Long first = firstLine.putIfAbsent(advert.id(), lineNo);
      if (first != null) throw new AdvertFormatException("$.id", "duplicate id, first seen on line " + first + "; misses and false fires are listed by id");
      eval.add(advert, assessment, expect, forbid, label);
    }, (lineNo, record, problem, errorRecord) -> err.println(errorRecord));
    eval.invalid(counts.invalid());
    Evaluation result = eval.build();

    AdvertLines.writeJson(result.toJson(), out, spec.commandLine().getOut(), AdvertLines.path(input));
    if (report != null) {
      String name = "-".equals(input) ? "standard input" : Path.of(input).getFileName().toString();
      String html = EvaluationReport.html(result, name);
      OutputFile.write(report, "--report", f -> Files.writeString(f, html, StandardCharsets.UTF_8), AdvertLines.path(input), out);
    }
    Evaluation.Counts o = result.overall();
    String summary = String.format(Locale.ROOT, "evaluated %d adverts: found %d of %d expected indicators (recall %s), %d false fires in %d "
        + "forbidden (rate %s)%s%s", result.adverts(), o.found(), o.expected(), pct(o.recall()), o.falseFires(), o.forbidden(),
        pct(o.falseFireRate()), out != null ? "; metrics: " + out : "", report != null ? "; report: " + report : "");
    if (out != null) {
      spec.commandLine().getOut().println(summary);
      spec.commandLine().getOut().flush();
    }
    if (!result.unknownIndicators().isEmpty()) {
      err.println("redflag: coded ids that no installed indicator provides (they never fire): " + String.join(", ", result.unknownIndicators()));
    }
    return AdvertLines.exitCode(err, counts, skipErrors);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** An optional array of indicator ids; anything else is an error naming the element. */
  static Set<String> ids(JsonNode node, String field) {
    JsonNode v = node.get(field);
    Set<String> out = new LinkedHashSet<>();
    if (v == null || v.isNull()) return out;
    if (!v.isArray()) throw new AdvertFormatException("$." + field, "expected an array of indicator ids");
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String path = "$." + field + "[" + i + "]";
      if (!e.isTextual() || e.asText().isBlank()) throw new AdvertFormatException(path, "expected an indicator id (a non-empty string)");
      if (!out.add(e.asText())) throw new AdvertFormatException(path, "indicator id listed twice");
    }
    return out;
  }
}
