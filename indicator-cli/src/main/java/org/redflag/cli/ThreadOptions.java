package org.redflag.cli;

import org.redflag.io.OrderedParallel;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} for the commands that assess many adverts: N workers share one engine through
 * {@link OrderedParallel}, output keeps input order and is the same for every N.
 */
final class ThreadOptions {
  @Option(names = "--threads", paramLabel = "N", description = "Assess on N threads sharing one engine (default: the available processors, here ${DEFAULT-VALUE}). "
      + "Output order and content are the same for every N.")
  int threads = OrderedParallel.availableThreads();

  /** The thread count, or a usage error for one below 1. */
  int threads() {
    if (threads < 1) throw new RedflagCommand.CliException("--threads must be 1 or more, was " + threads, RedflagCommand.EXIT_USAGE);
    return threads;
  }
}
