package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redflag.io.AdvertJson;
import org.redflag.io.JsonLinesReader;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redflag baseline build}: market baselines from adverts with {@code market} fields. */
@Command(name = "build", mixinStandardHelpOptions = true,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = {"Builds market price baselines from JSON Lines adverts that have a market field.",
        "Each advert adds its lowest hourly-normalised price to its market's baseline and, when it has a category, "
            + "to that category's baseline. Lines that cannot be read are reported with their line numbers."})
final class BaselineBuildCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ADS.jsonl", description = "JSON Lines adverts, or - for standard input.")
  String input;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Baseline file to write (JSON).")
  Path out;

  @Option(names = "--k", paramLabel = "K", defaultValue = "" + MarketBaseline.DEFAULT_K,
      description = "KLL sketch size; larger is more accurate and bigger (default ${DEFAULT-VALUE}, about 1.3% rank error).")
  int k;

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid.")
  boolean skipErrors;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    MarketBaselines.Builder builder;
    try {
      builder = MarketBaselines.builder(PriceExtractor.defaults(), k);
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException("--k: " + e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    PrintWriter err = spec.commandLine().getErr();
    long lineNo = 0;
    long bad = 0;
    OutputFile.refuseInput(out, "--out", AdvertLines.path(input));
    try (JsonLinesReader reader = new JsonLinesReader(AdvertLines.open(input, "ADS.jsonl"))) {
      JsonLinesReader.Line line;
      while ((line = reader.next()) != null) {
        lineNo = line.number();
        if (line.ok() && line.text().isBlank()) continue; // blank lines carry no advert; not an error for a build
        JsonNode node = null;
        try {
          node = AdvertLines.object(line);
          builder.add(AdvertJson.read(node));
        } catch (RuntimeException | StackOverflowError e) {
          bad++;
          err.println("redflag: " + AdvertLines.problem(lineNo, node, e));
        }
      }
    }
    err.flush();
    MarketBaselines baselines = builder.build();
    MarketBaselines.BuildStats s = builder.stats();
    if (baselines.isEmpty()) {
      throw new RedflagCommand.CliException("no advert had both a market and an hourly price (a price with a currency "
          + "and a duration); nothing written", RedflagCommand.EXIT_USAGE);
    }
    OutputFile.write(out, "--out", baselines::write);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(java.util.Locale.ROOT, "Wrote %d baseline%s to %s from %,d adverts: %,d used, %,d without a market, "
            + "%,d without an hourly price%s.%n", baselines.all().size(), baselines.all().size() == 1 ? "" : "s", out,
        s.adverts(), s.used(), s.withoutMarket(), s.withoutHourlyRate(),
        s.otherCurrency() > 0 ? "; " + s.otherCurrency() + " rates in a market's minority currency left out" : "");
    for (MarketBaseline b : baselines.all()) o.println("  " + b.label());
    o.flush();
    if (bad > 0) {
      err.println("redflag: " + bad + " of " + lineNo + " input lines were invalid and left out (see above)");
      err.flush();
      return skipErrors ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
    return 0;
  }
}
