package org.redflag.bench.tool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of {@link BenchTool} in the test's JVM: its exit code and what it printed. */
record BenchToolRun(int exit, String out, String err) {
  /** Runs {@code BenchTool COMMAND ARGS...}. */
  static BenchToolRun of(String command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] full = new String[args.length + 1];
    full[0] = command;
    System.arraycopy(args, 0, full, 1, args.length);
    int exit = BenchTool.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new BenchToolRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
