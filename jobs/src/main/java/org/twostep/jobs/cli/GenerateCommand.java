package org.twostep.jobs.cli;

import java.util.concurrent.Callable;
import org.twostep.jobs.pipeline.GenerationStage;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep generate --model meanflow [--steps n] | meanflow_dp | imm}: a cloud at every test sigma into
 * DIR/generated/ ({@code --steps 2} is the two-step MeanFlow baseline, {@code meanflow_2step}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Sample a trained model at every test sigma into DIR/generated/.")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "meanflow | meanflow_dp | imm")
  String model;

  @Option(names = "--steps", defaultValue = "1",
      description = "Network evaluations per sample (default ${DEFAULT-VALUE}; 2 = multi-step baseline)")
  int steps;

  @Option(names = "--force", description = "Regenerate clouds that are already complete for this config.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    java.io.PrintWriter out = spec.commandLine().getOut();
    try (ProgressDisplay progress = ProgressDisplay.open("generate " + model, "sigma", options, out)) {
      GenerationStage.generate(Sessions.get(), ctx, model, steps, force, out, progress);
    }
    return 0;
  }
}
