package org.redflag.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code redflag} command. Results are leads for trained human review, never findings about
 * people. Errors are reported as one clear line on stderr, never as a stack trace.
 */
@Command(name = "redflag", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = "Scores online adverts for human-trafficking indicators, with evidence, for human review.",
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    subcommands = {ScoreCommand.class, LinkCommand.class, EvaluateCommand.class, ReportCommand.class, ExplainCommand.class, PacksCommand.class, CalibrateCommand.class, BaselineCommand.class,
        SynthCommand.class,
        CommandLine.HelpCommand.class})
public final class RedflagCommand implements Runnable {
  /** Exit code when every input record was read and the run completed. */
  public static final int EXIT_OK = 0;
  /** Exit code when some input records were invalid (they are reported in place). */
  public static final int EXIT_BAD_RECORDS = 1;
  /** Exit code for bad usage or configuration: options, unreadable input files, packs, models, baselines. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when the run could not complete: the output could not be written, or memory ran out. */
  public static final int EXIT_INCOMPLETE = 3;

  // the same list in every command's --help (picocli needs constants here, not an array)
  static final String EXIT_HEADING = "%nExit codes:%n";
  static final String EXIT_0 = "0:completed; every input record was read";
  static final String EXIT_1 = "1:completed; some input records were invalid (reported in place; --skip-errors makes this 0)";
  static final String EXIT_2 = "2:usage or configuration error (options, input files, packs, models, baselines)";
  static final String EXIT_3 = "3:the run could not complete (output not written: disk full, closed pipe; out of memory)";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: under LC_ALL=POSIX the platform encoding would print non-ASCII evidence as '?'
    PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.out), java.nio.charset.StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.err), java.nio.charset.StandardCharsets.UTF_8), true);
    int code = execute(args, out, err);
    out.flush();
    if (out.checkError() && code != EXIT_INCOMPLETE) { // a lost --help or report (closed pipe, full disk)
      err.println("redflag: cannot write standard output (disk full or output closed?); the output is incomplete");
      code = EXIT_INCOMPLETE;
    }
    err.flush();
    System.exit(code);
  }

  /** Runs the command with the given streams and returns the exit code (for tests and embedding). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new RedflagCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("redflag: " + describe(ex));
      commandLine.getErr().flush();
      if (ex instanceof CliException c) return c.exitCode();
      if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) return EXIT_INCOMPLETE;
      return EXIT_USAGE;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // only resource exhaustion ends a run this way; the output so far is incomplete
      err.println("redflag: the run could not complete: " + (e instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
          + "; the output is incomplete");
      err.flush();
      return EXIT_INCOMPLETE;
    }
  }

  static String describe(Throwable ex) {
    String m = ex.getMessage();
    return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
  }

  /** A failure the user can fix; its message is printed as is. */
  static final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() { return exitCode; }
  }
}
