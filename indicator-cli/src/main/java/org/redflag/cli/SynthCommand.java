package org.redflag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redflag.fit.synth.SyntheticAdverts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redflag synth}: synthetic labelled adverts from a documented generating model, for demonstrations. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes synthetic labelled adverts (not real data) whose wording fires the built-in indicators according to a known",
        "logistic generating model, and the model next to them as FILE.model.json, so that calibrate and evaluate can be tried end to end.",
        "Each line carries \"expect\", \"forbid\" and \"label\". The same seed always writes the same files."},
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3})
final class SynthCommand implements Callable<Integer> {
  @Option(names = "--adverts", paramLabel = "N", description = "Number of adverts (default ${DEFAULT-VALUE}).")
  int adverts = 3000;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Adverts to write (JSON Lines); the model goes to FILE.model.json.")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (adverts < 1) throw new RedflagCommand.CliException("--adverts must be at least 1, was " + adverts, RedflagCommand.EXIT_USAGE);
    SyntheticAdverts.GeneratingModel model = SyntheticAdverts.standardModel();
    SyntheticAdverts.Sample s = SyntheticAdverts.sample(model, adverts, seed);
    try (OutputFile w = OutputFile.open(out, null, "--out")) {
      for (String line : s.lines()) w.line(line);
      w.commit();
    }
    Path modelFile = modelFile(out);
    String modelJson = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(SyntheticAdverts.modelJson(model, adverts, seed)) + "\n";
    OutputFile.write(modelFile, "--out", f -> Files.writeString(f, modelJson, StandardCharsets.UTF_8));
    spec.commandLine().getOut().printf(java.util.Locale.ROOT, "wrote %d synthetic adverts (%d labelled 1) to %s and the generating model to %s%n",
        adverts, s.positives(), out, modelFile);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Where the generating model of {@code data} goes: next to it, {@code NAME.model.json}. */
  static Path modelFile(Path data) {
    return data.resolveSibling(data.getFileName() + ".model.json");
  }
}
