package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.twostep.jobs.pipeline.TrainingStages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep train --stage meanflow | dp | imm}: a stage on the train split of DIR/particles, into
 * DIR/models/&lt;model&gt;/. Resumes from the last checkpoint; a finished model with the same config hash is not retrained.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a stage (meanflow, dp over the frozen meanflow, imm) into DIR/models/<model>/.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "meanflow | dp | imm")
  String stage;

  // the pipeline's training JVMs take the train split from their parent instead of starting Spark to read it
  @Option(names = "--train-input", hidden = true, paramLabel = "FILE")
  Path trainInput;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    PrintWriter out = spec.commandLine().getOut();
    try (ProgressDisplay progress = ProgressDisplay.open("train " + stage, "steps", options, out)) {
      TrainingStages.train(ctx, stage, out, progress, trainInput);
    }
    return 0;
  }
}
