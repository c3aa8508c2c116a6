package org.redflag.bench.tool;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Command line of the benchmarks jar's tools:
 * {@code java -cp benchmarks.jar org.redflag.bench.tool.BenchTool ab A.jar B.jar BENCHMARK[,...] SIZE[,...]
 * [--rounds 40] [--slice-ms 200] [--warmup-s 8] [--fail-above R] [--one-order]}, the paired comparison
 * of two builds' benchmarks jars (see {@link PairedComparison}). JMH itself
 * ({@code java -jar benchmarks.jar}) gives the published numbers.
 */
public final class BenchTool {
  private BenchTool() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) return usage(err, "a command is required");
    try {
      if (args[0].equals("ab")) return PairedComparison.run(args, out, err);
      return usage(err, "unknown command '" + args[0] + "'");
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println("usage: BenchTool ab A.jar B.jar BENCHMARK[,...] SIZE[,...] [--rounds 40] [--slice-ms 200] [--warmup-s 8] [--fail-above R] [--one-order]");
    return 2;
  }
}
