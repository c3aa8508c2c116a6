package org.redflag.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code redflag} command. Results are leads for trained human review, never findings about
 * people. Errors are reported as one clear line on stderr, never as a stack trace.
 */
@Command(name = "redflag", mixinStandardHelpOptions = true, versionProvider = RedflagCommand.Version.class,
    description = "Scores online adverts for human-trafficking indicators, with evidence, for human review.",
    subcommands = {ScoreCommand.class, LinkCommand.class, EvaluateCommand.class, ReportCommand.class, ExplainCommand.class, PacksCommand.class, CalibrateCommand.class, BaselineCommand.class,
        SynthCommand.class,
        CommandLine.HelpCommand.class})
public final class RedflagCommand implements Runnable {
  /** Exit code for bad usage or unreadable input files. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when some input records were invalid (they are reported in place). */
  public static final int EXIT_BAD_RECORDS = 1;
  /** Exit code when the run could not complete (reading the input or writing the output failed). */
  public static final int EXIT_INCOMPLETE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
      return ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException ? EXIT_INCOMPLETE : EXIT_USAGE;
    });
    return cl.execute(args);
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

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RedflagCommand.class.getPackage().getImplementationVersion();
      return new String[] {"redflag " + (v == null ? "development build" : v)};
    }
  }
}
