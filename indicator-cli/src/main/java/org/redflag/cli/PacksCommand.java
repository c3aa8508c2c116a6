package org.redflag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Indicator;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code redflag packs}: list the effective packs and indicators, or validate pack files. */
@Command(name = "packs", mixinStandardHelpOptions = true,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = "Lists the loaded packs and indicators, or validates pack files.",
    subcommands = {PacksCommand.ListPacks.class, PacksCommand.Validate.class})
final class PacksCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or validate");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
          RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
      description = "Lists packs (with review status) and indicators, with the number of effective entries each.")
  static final class ListPacks implements Callable<Integer> {
    @Mixin EngineOptions engineOptions = new EngineOptions();
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      RiskEngine engine = engineOptions.builder().build();
      PrintWriter out = spec.commandLine().getOut();
      PackSet packs = engine.packs();
      out.println("packs:");
      for (IndicatorPack p : packs.packs()) {
        long n = packs.entries().stream().filter(e -> e.pack() == p).count();
        out.printf("  %-28s language=%-4s %s review=%s entries=%d%s%n", p.label(), p.language(),
            p.jurisdiction().map(j -> "jurisdiction=" + j).orElse(""), p.reviewStatus(), n,
            p.overlays().map(o -> " overlays=" + o).orElse(""));
      }
      Map<String, Integer> perIndicator = new TreeMap<>();
      packs.entries().forEach(e -> perIndicator.merge(e.entry().indicator(), 1, Integer::sum));
      out.println("indicators:");
      for (Indicator i : engine.indicators()) {
        out.printf("  %-26s entries=%-4d %s%n", i.id(), perIndicator.getOrDefault(i.id(), 0), i.description());
      }
      out.println("model: " + engine.model().label());
      printUnweighted(out, engine);
      out.flush();
      return 0;
    }
  }

  /** The indicators the model gives no weight, never left to count silently as zero (docs/packs.md). */
  static void printUnweighted(PrintWriter out, RiskEngine engine) {
    if (engine.unweightedIndicators().isEmpty()) return;
    out.println("not weighted by model " + engine.model().label() + " (these fire and give evidence but do not change the score): "
        + String.join(", ", engine.unweightedIndicators()));
  }

  @Command(name = "validate", mixinStandardHelpOptions = true,
      exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
          RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
      description = "Loads pack files (in order, overlays after their base) with the default packs and reports the first problem in each, by file and JSON path.")
  static final class Validate implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PACK.json") List<Path> files = new ArrayList<>();
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<IndicatorPack> loaded = new ArrayList<>(PackSet.defaults().packs());
      int bad = 0;
      for (Path f : files) {
        try {
          EngineOptions.requireFile(f, "PACK.json");
          IndicatorPack p = PackLoader.load(f);
          loaded.add(p);
          out.println("ok      " + f + " (" + p.label() + ", " + p.entries().size() + " entries)");
        } catch (IllegalArgumentException | RedflagCommand.CliException e) {
          bad++;
          err.println("invalid " + e.getMessage());
        }
      }
      if (bad == 0) {
        try {
          RiskEngine.builder().withoutDefaultPacks().packs(PackSet.of(loaded)).build();
          out.println("composed with the default packs: ok");
        } catch (IllegalArgumentException e) {
          bad++;
          err.println("invalid composition: " + e.getMessage());
        }
      }
      out.flush();
      err.flush();
      return bad == 0 ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
  }
}
