package org.twostep.jobs.cli;

import org.twostep.common.error.TwostepException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one launcher: {@code twostep <command> --config FILE [--profile quick|paper] [--out DIR] [key=value ...]}. */
@Command(
    name = "twostep",
    mixinStandardHelpOptions = true,
    versionProvider = CodeVersion.Provider.class,
    description = "Two-Step Diffusion for particle transport in fluid flows: simulate, train, evaluate.",
    subcommands = {PipelineCommand.class, SimulateCommand.class, TrainCommand.class, GenerateCommand.class, SampleCommand.class, ImportCommand.class, EvaluateCommand.class, ReportCommand.class, PublishCommand.class, ReplotCommand.class, ValidateCommand.class, StatusCommand.class, ShowCommand.class, CompareCommand.class, W2Command.class, AblateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Twostep implements Runnable {

  /** Exit code for bad input (config, files): one line on stderr, nothing half-written. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the launcher and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Twostep());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      Throwable root = e;
      while (!(root instanceof TwostepException) && root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root instanceof TwostepException bad) {
        cmd.getErr().println("twostep " + cmd.getCommandName() + ": " + bad.getMessage());
        return EXIT_BAD_INPUT;
      }
      String file = FileErrors.explain(e);
      if (file != null) {
        cmd.getErr().println("twostep " + cmd.getCommandName() + ": " + file);
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    cli.setParameterExceptionHandler((e, args) -> {
      e.getCommandLine().getErr().println("twostep: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return EXIT_BAD_INPUT;
    });
    return cli;
  }
}
