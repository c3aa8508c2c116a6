package org.redflag.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.link.AdvertLink;
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
        "Clusters are leads for trained human review: a shared number or template is not proof that adverts have one author."})
final class LinkCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ADS", description = "JSON Lines file of adverts, or - for standard input.")
  String input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "LINKS", description = "Write one link record per input line here.")
  Path out;

  @Option(names = "--clusters", paramLabel = "FILE", description = "Write one line per cluster of two or more adverts here.")
  Path clusters;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a one-file HTML report of the clusters here.")
  Path report;

  @Option(names = "--hub-threshold", paramLabel = "N", defaultValue = "1000",
      description = "An identifier shared by more than N adverts is reported as a hub and not used to join (default ${DEFAULT-VALUE}).")
  int hubThreshold;

  @Option(names = "--similarity", paramLabel = "J", defaultValue = "0.5",
      description = "Least Jaccard similarity of slotted word shingles for a shared template (default ${DEFAULT-VALUE}).")
  double similarity;

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid (their error records are still written).")
  boolean skipErrors;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin ThreadOptions threads = new ThreadOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LinkOptions options;
    try {
      options = LinkOptions.defaults().withHubThreshold(hubThreshold).withSimilarity(similarity);
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException(e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    threads.threads();
    RiskEngine engine = engineOptions.builder().build();
    Linker linker = Linker.create(options);
    // error records by line: the links are known only at the end, the errors keep their places
    Map<Long, String> errors = new TreeMap<>();
    AdvertLines.Counts counts = AdvertLines.read(AdvertLines.open(input, "ADS"), threads.threads(),
        (lineNo, line, advert) -> engine.assess(advert), (lineNo, line, advert, assessment) -> linker.add(advert, assessment), errors::put);
    LinkResult result = linker.finish();
    try (Writer w = writer(out)) {
      int next = 0;
      for (long line = 1; line <= counts.lines(); line++) {
        String err = errors.get(line);
        if (err != null) {
          w.write(err);
        } else {
          AdvertLink l = result.links().get(next++);
          w.write(LinkJson.line(LinkJson.toJson(l)));
        }
        w.write('\n');
      }
    }
    if (clusters != null) {
      try (Writer w = writer(clusters)) {
        for (ClusterSummary c : result.clusters()) {
          w.write(LinkJson.line(LinkJson.toJson(c)));
          w.write('\n');
        }
      }
    }
    if (report != null) {
      try (Writer w = writer(report)) {
        w.write(ClustersReport.render(result, counts.lines() - counts.invalid(), options));
      }
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

  private static Writer writer(Path p) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
  }
}
