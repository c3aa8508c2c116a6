package org.redflag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceAnomalyIndicator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redflag baseline show}: a readable summary of a baseline file, optionally with a histogram. */
@Command(name = "show", mixinStandardHelpOptions = true,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = "Prints each baseline of a baseline file with its count and quantiles; optionally writes an SVG histogram of one.")
final class BaselineShowCommand implements Callable<Integer> {
  static final double[] QUANTILES = {0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95};

  @Parameters(index = "0", paramLabel = "FILE", description = "Baseline file (redflag-baseline/1).")
  Path file;

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write an SVG histogram of one baseline (see --market, --category).")
  Path plot;

  @Option(names = "--market", paramLabel = "MARKET", description = "Baseline to plot; default: the market-wide baseline with the most rates.")
  String market;

  @Option(names = "--category", paramLabel = "CATEGORY", description = "Category of the baseline to plot (with --market); default: all categories.")
  String category;

  @Option(names = "--min-observations", paramLabel = "N", defaultValue = "" + PriceAnomalyIndicator.DEFAULT_MIN_OBSERVATIONS,
      description = "Flag baselines with fewer rates than this (price.anomaly makes no call for them; default ${DEFAULT-VALUE}).")
  int minObservations;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    EngineOptions.requireFile(file, "FILE");
    MarketBaselines baselines = MarketBaselines.read(file);
    PrintWriter o = spec.commandLine().getOut();
    o.println(summary(baselines, minObservations));
    if (plot != null) {
      MarketBaseline b = choose(baselines);
      Files.writeString(plot, HistogramSvg.render(b), StandardCharsets.UTF_8);
      o.println("Histogram of " + b.label() + " written to " + plot);
    }
    o.flush();
    return 0;
  }

  private MarketBaseline choose(MarketBaselines baselines) {
    if (category != null && market == null) {
      throw new RedflagCommand.CliException("--category needs --market", RedflagCommand.EXIT_USAGE);
    }
    MarketBaseline b;
    if (market != null) {
      b = baselines.get(market, category).orElseThrow(() -> new RedflagCommand.CliException("--market: " + file
          + " has no baseline for market '" + market + "'" + (category == null ? " (all categories)" : " category '" + category + "'"),
          RedflagCommand.EXIT_USAGE));
    } else {
      b = null;
      for (MarketBaseline x : baselines.all()) {
        if (x.category().isEmpty() && (b == null || x.count() > b.count())) b = x;
      }
      if (b == null) {
        for (MarketBaseline x : baselines.all()) if (b == null || x.count() > b.count()) b = x;
      }
    }
    if (b == null || b.isEmpty()) {
      throw new RedflagCommand.CliException("--plot: the chosen baseline has no rates to plot", RedflagCommand.EXIT_USAGE);
    }
    return b;
  }

  /** A fixed-width table: one row per baseline, quantiles of the hourly rate. */
  static String summary(MarketBaselines baselines, int minObservations) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d baseline%s (hourly rates; quantiles have about +/-%.1f%% rank error once a "
        + "baseline exceeds its sketch size)%n%n", baselines.all().size(), baselines.all().size() == 1 ? "" : "s",
        baselines.isEmpty() ? 0.0 : baselines.all().get(0).rankError() * 100));
    int mw = 6;
    int cw = 8;
    for (MarketBaseline b : baselines.all()) {
      mw = Math.max(mw, b.market().length());
      cw = Math.max(cw, b.category().orElse("(all)").length());
    }
    sb.append(String.format(Locale.ROOT, "%-" + mw + "s  %-" + cw + "s  %-3s  %7s  %9s", "market", "category", "cur", "rates", "min"));
    for (double q : QUANTILES) sb.append(String.format(Locale.ROOT, "  %9s", q == 0.5 ? "median" : "p" + Math.round(q * 100)));
    sb.append(String.format(Locale.ROOT, "  %9s%n", "max"));
    StringBuilder notes = new StringBuilder();
    for (MarketBaseline b : baselines.all()) {
      String cat = b.category().orElse("(all)");
      sb.append(String.format(Locale.ROOT, "%-" + mw + "s  %-" + cw + "s  %-3s  %7d", b.market(), cat, b.currency(), b.count()));
      if (b.isEmpty()) {
        sb.append("  (no rates)\n");
        continue;
      }
      sb.append(String.format(Locale.ROOT, "  %9.2f", b.min()));
      for (double q : QUANTILES) sb.append(String.format(Locale.ROOT, "  %9.2f", b.quantile(q)));
      sb.append(String.format(Locale.ROOT, "  %9.2f%n", b.max()));
      if (b.count() < minObservations) {
        notes.append(String.format(Locale.ROOT, "  %s: %d rates, fewer than %d: price.anomaly makes no call for this baseline%n",
            b.label(), b.count(), minObservations));
      }
    }
    if (notes.length() > 0) sb.append("\nNotes:\n").append(notes);
    return sb.toString().stripTrailing();
  }
}
