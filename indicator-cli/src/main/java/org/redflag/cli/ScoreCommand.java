package org.redflag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AssessmentJson;
import org.redflag.io.JsonLinesReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redflag score}: one assessment per input line, same order, same id. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Scores adverts from JSON Lines (one advert object per line) and writes one assessment per line.",
        "A line that cannot be read becomes an error record {\"line\": N, \"id\": \"...\", \"error\": \"...\"} in its place; no line is dropped or reordered.",
        "The error names the line, the JSON path and the problem and never quotes the input; the id is cut to 64 characters."},
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3})
final class ScoreCommand implements Callable<Integer> {
  private static final int PROGRESS_EVERY = 10_000;

  @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "JSON Lines file, or - for standard input (default).")
  String input = "-";

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write assessments here instead of standard output.")
  Path out;

  @Option(names = "--skip-errors", description = "Exit 0 even when some lines were invalid (their error records are still written).")
  boolean skipErrors;

  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Mixin ThreadOptions threads = new ThreadOptions();

  @Mixin OffsetsOption offsets = new OffsetsOption();

  @Option(names = "--fired-only", description = "Write only the rows of indicators that fired (default: a row for every indicator the engine ran).")
  boolean firedOnly;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    threads.threads();
    RiskEngine engine = engineOptions.builder().build();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, "scored");
    AdvertLines.Counts counts;
    try (OutputFile output = OutputFile.open(out, spec.commandLine().getOut(), "--out", AdvertLines.path(input))) {
      counts = AdvertLines.read(AdvertLines.open(input, "INPUT"), threads.threads(),
          (lineNo, record, advert) -> AssessmentJson.toJsonLine(offsets.apply(engine.assess(advert), advert), firedOnly), (lineNo, record, advert, assessment) -> {
        output.line(assessment);
        progress.tick(lineNo);
      }, (lineNo, record, problem, errorRecord) -> {
        output.line(errorRecord);
        progress.tick(lineNo);
      });
      output.commit();
    }
    long lineNo = counts.lines();
    long bad = counts.invalid();
    progress.done(lineNo, bad);
    if (bad > 0) {
      err.println("redflag: " + bad + " of " + lineNo + " input lines were invalid; see their error records");
      err.flush();
      return skipErrors ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
    return 0;
  }

  /**
   * The whole per-line step of {@code score} (for the fuzz target): read, assess, serialise; any
   * failure of the line is its error record (see {@link AdvertLines#handle}).
   */
  static String scoreLine(RiskEngine engine, JsonLinesReader.Line line) throws IOException {
    String[] out = new String[1];
    AdvertLines.handle(line, (lineNo, record, advert) -> AssessmentJson.toJsonLine(engine.assess(advert)),
        (lineNo, record, advert, assessment) -> out[0] = assessment, (lineNo, record, problem, errorRecord) -> out[0] = errorRecord);
    return out[0];
  }

  /** Progress on stderr: a redrawn counter on a terminal, a line every 10,000 records otherwise. */
  static final class Progress {
    private final PrintWriter err;
    private final String verb;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();

    /** {@code verb} says what is done to each line ("scored", "read"). */
    Progress(PrintWriter err, String verb) {
      this.err = err;
      this.verb = verb;
    }

    void tick(long n) {
      if (n % PROGRESS_EVERY != 0) return;
      double secs = (System.nanoTime() - started) / 1e9;
      String msg = String.format(java.util.Locale.ROOT, "%s %,d lines (%.0f/s)", verb, n, n / Math.max(secs, 1e-9));
      if (terminal) err.print("\r" + msg); else err.println("redflag: " + msg);
      err.flush();
    }

    void done(long n, long bad) {
      if (n >= PROGRESS_EVERY) {
        if (terminal) err.println();
        err.println(String.format(java.util.Locale.ROOT, "redflag: %s %,d lines (%,d invalid)", verb, n, bad));
        err.flush();
      }
    }
  }
}
