package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.training.bench.TrainStepBenchmark;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep bench train}: MeanFlow training steps/s at the given batch sizes with the time split (batch,
 * forward, tangent, backward, optimizer), a plain flow-matching step for comparison, and one-step generation
 * particles/s. Only prints.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "MeanFlow training-step throughput (steps/s, phase split) and generation particles/s.")
public final class BenchTrainCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file for model/meanflow/training keys (default: reference.conf)")
  Path config;

  @Option(names = "--batch", split = ",", defaultValue = "1500,4096", description = "Batch sizes (default ${DEFAULT-VALUE})")
  int[] batches;

  @Option(names = "--dim", defaultValue = "3", description = "Data dimension (default ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--warmup", defaultValue = "50", description = "Untimed steps first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--steps", defaultValue = "300", description = "Timed steps per batch size (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--generate", defaultValue = "200000", description = "Particles for the generation rate (default ${DEFAULT-VALUE})")
  int generate;

  @CommandLine.Parameters(paramLabel = "key=value", arity = "0..*", description = "Overrides, e.g. training.threads=2")
  List<String> overrides = new java.util.ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Config c = config != null ? ConfigLoader.load(config, null, overrides)
        : com.typesafe.config.ConfigFactory.parseString(String.join("\n", overrides))
            .withFallback(ConfigLoader.defaults()).resolve();
    TrainingConfig training = TrainingConfig.from(c);
    TrainStepBenchmark bench = new TrainStepBenchmark(ModelConfig.from(c), MeanFlowConfig.from(c), training, dim);
    TrainStepBenchmark.Result r = bench.run(batches, warmup, steps, generate);
    PrintWriter out = spec.commandLine().getOut();
    for (TrainStepBenchmark.Row row : r.rows()) {
      double total = row.batchSeconds() + row.forwardSeconds() + row.tangentSeconds() + row.backwardSeconds()
          + row.optimizerSeconds();
      out.printf(Locale.ROOT, "meanflow step d=%d batch=%d threads=%d: %.1f steps/s (plain flow-matching step %.1f/s);"
              + " per step %.2f ms = batch %.2f + forward %.2f + tangent %.2f + backward %.2f + optimizer %.2f%n",
          dim, row.batch(), row.threads(), row.stepsPerSecond(), row.plainStepsPerSecond(), 1e3 * total,
          1e3 * row.batchSeconds(), 1e3 * row.forwardSeconds(), 1e3 * row.tangentSeconds(),
          1e3 * row.backwardSeconds(), 1e3 * row.optimizerSeconds());
    }
    if (generate > 0) {
      out.printf(Locale.ROOT, "meanflow one-step generation d=%d: %.0f particles/s%n", dim,
          r.generatedParticlesPerSecond());
    }
    out.flush();
    return 0;
  }
}
