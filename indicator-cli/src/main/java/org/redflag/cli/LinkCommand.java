package org.redflag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.link.ClusterSummary;
import org.redflag.link.Hub;
import org.redflag.link.LinkJson;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;
import org.redflag.link.Linker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redflag link}: clusters of adverts that share identifiers or near-duplicate templates. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = {"Links adverts (JSON Lines) into clusters that share a contact identifier or a near-duplicate template,"
        + " and reports edited re-posts. LINKS has one line per input line, in order; a line that cannot be read becomes an"
        + " error record {\"line\": N, \"error\": \"...\"} in its place.",
        "Clusters are leads for trained human review: a shared number or template is not proof that adverts have one author."},
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3})
final class LinkCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ADS", description = "JSON Lines file of adverts, or - for standard input.")
  String input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "LINKS", description = "Write one link record per input line here.")
  Path out;

  @Option(names = "--clusters", paramLabel = "FILE", description = "Write one line per cluster of two or more adverts here.")
  Path clusters;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a one-file HTML report of the clusters here.")
  Path report;

  @Mixin LinkingOptions linking = new LinkingOptions();

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid (their error records are still written).")
  boolean skipErrors;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin ThreadOptions threads = new ThreadOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LinkOptions options;
    try {
      options = linking.options();
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException(e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    threads.threads();
    Path in = AdvertLines.path(input);
    OutputFile.refuseInput(out, "--out", in);
    if (clusters != null) OutputFile.refuseInput(clusters, "--clusters", in, out);
    if (report != null) OutputFile.refuseInput(report, "--report", in, out, clusters);
    RiskEngine engine = engineOptions.builder().build();
    Linker linker = Linker.create(options);
    // error records by line: the links are known only at the end, the errors keep their places
    Map<Long, String> errors = new TreeMap<>();
    AdvertLines.Counts counts = AdvertLines.read(AdvertLines.open(input, "ADS"), threads.threads(),
        (lineNo, record, advert) -> engine.assess(advert), (lineNo, record, advert, assessment) -> linker.add(advert, assessment),
        (lineNo, record, problem, errorRecord) -> errors.put(lineNo, errorRecord));
    LinkResult result = linker.finish();
    try (OutputFile w = OutputFile.open(out, null, "--out", in)) {
      int next = 0;
      for (long line = 1; line <= counts.lines(); line++) {
        String err = errors.get(line);
        w.line(err != null ? err : LinkJson.line(LinkJson.toJson(result.links().get(next++))));
      }
      w.commit();
    }
    if (clusters != null) {
      try (OutputFile w = OutputFile.open(clusters, null, "--clusters", in, out)) {
        for (ClusterSummary c : result.clusters()) w.line(LinkJson.line(LinkJson.toJson(c)));
        w.commit();
      }
    }
    if (report != null) {
      String html = ClustersReport.render(result, counts.lines() - counts.invalid(), options);
      OutputFile.write(report, "--report", f -> Files.writeString(f, html, StandardCharsets.UTF_8), in, out, clusters);
    }
    PrintWriter err = spec.commandLine().getErr();
    long inClusters = result.clusters().stream().mapToLong(ClusterSummary::size).sum();
    err.println(String.format(Locale.ROOT, "redflag: linked %,d adverts: %,d clusters of two or more hold %,d of them",
        counts.lines() - counts.invalid(), result.clusters().size(), inClusters));
    for (Hub h : result.hubs()) {
      err.println(String.format(Locale.ROOT, "redflag: hub not used to join: %s %s shared by %,d adverts", h.type(), h.hash(), h.adverts()));
    }
    if (counts.invalid() > 0) {
      err.println("redflag: " + counts.invalid() + " of " + counts.lines() + " input lines were invalid; see their error records");
      err.flush();
      return skipErrors ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
    err.flush();
    return 0;
  }
}
