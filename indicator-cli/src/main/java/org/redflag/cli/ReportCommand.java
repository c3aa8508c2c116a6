package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.fit.MarketReportHtml;
import org.redflag.fit.report.AssessedAdvert;
import org.redflag.fit.report.AssessmentSummary;
import org.redflag.fit.report.GroupField;
import org.redflag.fit.report.MarketReport;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.io.JsonLinesReader;
import org.redflag.price.MarketBaselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redflag report}: prevalence and risk by site, market, category, language and month. Each
 * line is an advert (scored here, with the engine options of {@code score}) or an assessment from
 * {@code score} (used as it is); the two may be mixed. Lines stream into an {@link AssessmentSummary},
 * so memory grows with the number of groups, not of adverts.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = {"Counts adverts, review bands and indicator shares (with 95%% Wilson intervals) by site, market, category, language and month.",
        "Ranks the groups by the lower bound of their share of ELEVATED or HIGH adverts; writes report.json and an HTML page.",
        "INPUT lines are adverts (scored first) or assessments from `redflag score` (detected per line).",
        "A share is about adverts, not people; small groups are noisy. Invalid lines are reported on standard error and counted as \"invalid\"."})
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT", description = "Adverts or assessments, JSON Lines, or - for standard input.")
  String input;

  @Option(names = "--by", required = true, paramLabel = "FIELDS", description = "Comma list of site, market, category, language, month "
      + "(month: of postedAt, UTC, as YYYY-MM). Adverts without a field fall in the group (none).")
  String by;

  @Option(names = "--links", paramLabel = "LINKS.jsonl", description = "Output of `redflag link` ({\"id\", \"cluster\", \"clusterSize\"} per line), "
      + "joined on id: adds per group the adverts in linked clusters of two or more and the largest cluster.")
  Path links;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write report.json here instead of standard output.")
  Path out;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report (one file, inline SVG, no scripts) here.")
  Path html;

  @Option(names = "--min-adverts", paramLabel = "N", description = "Groups with fewer adverts are marked \"small\": true (default ${DEFAULT-VALUE}).")
  int minAdverts = 10;

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid (they are still reported and counted).")
  boolean skipErrors;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin ThreadOptions threads = new ThreadOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private RiskEngine engine;

  @Override
  public Integer call() throws IOException {
    List<GroupField> fields;
    try {
      fields = GroupField.parse(by);
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException("--by: " + e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    if (minAdverts < 0) throw new RedflagCommand.CliException("--min-adverts must be 0 or more, was " + minAdverts, RedflagCommand.EXIT_USAGE);
    threads.threads();
    MarketBaselines baselines = engineOptions.baselines();
    PrintWriter err = spec.commandLine().getErr();
    Links linked = links == null ? null : readLinks(links);
    Map<String, Integer> clusterSizes = linked == null ? null : linked.clusterSizes();
    if (linked != null && linked.errorRecords() > 0) {
      err.println("redflag: --links " + links.getFileName() + " holds " + linked.errorRecords()
          + " error records of `redflag link` (lines it could not read); their adverts count as unlinked");
    }
    AssessmentSummary summary = new AssessmentSummary(fields);
    ScoreCommand.Progress progress = new ScoreCommand.Progress(err, "read");
    AdvertLines.Counts counts = AdvertLines.readObjects(AdvertLines.open(input, "INPUT"), threads.threads(),
        (lineNo, node, none) -> AssessedAdvert.fromLine(node, this::engine, baselines), (lineNo, node, none, assessed) -> {
      AssessedAdvert a = assessed;
      if (clusterSizes != null) a = a.withClusterSize(clusterSizes.getOrDefault(a.id(), 0));
      summary.add(a);
      progress.tick(lineNo);
    }, (lineNo, record, problem, errorRecord) -> {
      err.println(errorRecord);
      progress.tick(lineNo);
    });
    progress.done(counts.lines(), counts.invalid());

    MarketReport report = summary.report(minAdverts, baselines != null, clusterSizes != null);
    AdvertLines.writeJson(report.toJson().put("invalid", counts.invalid()), out, spec.commandLine().getOut(), AdvertLines.path(input));
    if (html != null) {
      String name = "-".equals(input) ? "standard input" : Path.of(input).getFileName().toString();
      String page = MarketReportHtml.html(report, name);
      OutputFile.write(html, "--html", f -> Files.writeString(f, page, StandardCharsets.UTF_8), AdvertLines.path(input), out);
    }
    long small = report.groups().stream().filter(MarketReport.Group::small).count();
    err.println(String.format(Locale.ROOT, "redflag: report of %d adverts in %d groups (%d small)%s%s", report.adverts(), report.groups().size(), small,
        out != null ? "; json: " + out : "", html != null ? "; html: " + html : ""));
    return AdvertLines.exitCode(err, counts, skipErrors);
  }

  /** The engine, built on first use (only when there is an advert to score); worker threads may ask at once. */
  private synchronized RiskEngine engine() {
    if (engine == null) engine = engineOptions.builder().build();
    return engine;
  }

  /** What a links file gives the report: id to cluster size, and how many error records of `redflag link` it held. */
  record Links(Map<String, Integer> clusterSizes, long errorRecords) {}

  /**
   * Reads a links file. The error records that `redflag link` writes for lines it could not read
   * ({@code {"line", "error"}}, see error.schema.json) are counted and skipped: the same lines are bad
   * in the report's input, or the advert simply has no link record and counts as unlinked. Any other
   * bad line is a usage error naming it.
   */
  static Links readLinks(Path file) throws IOException {
    EngineOptions.requireFile(file, "--links");
    Map<String, Integer> sizes = new HashMap<>();
    long errorRecords = 0;
    try (JsonLinesReader r = new JsonLinesReader(Files.newInputStream(file))) {
      JsonLinesReader.Line line;
      while ((line = r.next()) != null) {
        long n = line.number();
        if (line.ok() && line.text().isBlank()) continue;
        try {
          Map.Entry<String, Integer> record = LinkRecords.read(AdvertLines.object(line));
          if (record == null) {
            errorRecords++;
            continue;
          }
          sizes.put(record.getKey(), record.getValue());
        } catch (AdvertFormatException e) {
          throw new RedflagCommand.CliException("--links " + file.getFileName() + " line " + n + ": " + e.getMessage(), RedflagCommand.EXIT_USAGE);
        }
      }
    }
    return new Links(sizes, errorRecords);
  }
}
