package org.redflag.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redflag.advert.Advert;
import org.redflag.engine.RiskEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redflag explain}: a readable explanation of one advert's assessment. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = "Explains, for a person, which indicators one advert shows and why.")
final class ExplainCommand implements Callable<Integer> {
  @Option(names = "--text", required = true, description = "Advert text.")
  String text;

  @Option(names = "--title", description = "Advert title.")
  String title;

  @Option(names = "--category", description = "Advert category, e.g. escort, massage, dating, jobs.")
  String category;

  @Option(names = "--market", description = "Market key, e.g. metro-a.")
  String market;

  @Option(names = "--language", description = "BCP 47 language tag of the text.")
  String language;

  @Option(names = "--tag", paramLabel = "NAMESPACE:VALUE", description = "Metadata tag, e.g. tattoo:crown; repeatable.")
  List<String> tags = new ArrayList<>();

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin OffsetsOption offsets = new OffsetsOption();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RiskEngine engine = engineOptions.builder().build();
    Advert advert;
    try {
      advert = Advert.builder("cli", text).title(title).category(category).market(market).language(language).tags(tags).build();
    } catch (IllegalArgumentException e) {
      throw new RedflagCommand.CliException(e.getMessage(), RedflagCommand.EXIT_USAGE);
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    out.print(offsets.apply(engine.assess(advert), advert).explain());
    PacksCommand.printUnweighted(out, engine);
    out.flush();
    return 0;
  }
}
