package org.redflag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code redflag baseline}: build and inspect market price baselines for {@code price.anomaly}. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    exitCodeListHeading = RedflagCommand.EXIT_HEADING, exitCodeList = {RedflagCommand.EXIT_0, RedflagCommand.EXIT_1,
        RedflagCommand.EXIT_2, RedflagCommand.EXIT_3},
    description = "Builds and shows market price baselines (hourly-rate distributions per market and category).",
    subcommands = {BaselineBuildCommand.class, BaselineShowCommand.class})
final class BaselineCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: build or show");
  }
}
