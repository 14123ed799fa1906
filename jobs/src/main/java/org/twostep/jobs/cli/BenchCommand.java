package org.twostep.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the benchmarks: {@code twostep bench simulate | ot | train | dp | sample | input}. Figures go to stdout, never into tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the hot kernels.",
    subcommands = {BenchSimulateCommand.class, BenchSpeedupCommand.class, BenchTrainCommand.class, BenchDpCommand.class,
        BenchOtCommand.class, BenchSampleCommand.class, BenchInputCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: " + spec.subcommands().keySet());
  }
}
