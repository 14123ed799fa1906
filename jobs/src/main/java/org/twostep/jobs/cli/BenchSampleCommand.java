package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.deepparticle.DpBenchmark;
import org.twostep.training.deepparticle.DpConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep bench sample}: particles/s of the one-step MeanFlow sampler and of MeanFlow + DP corrector (the
 * {@code meanflow_dp} model) on both sampling engines (PyTorch and the vector engine), per thread count. Only prints.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Sampling throughput (particles/s) of MeanFlow alone and MeanFlow + DP corrector.")
public final class BenchSampleCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (default: reference.conf)")
  Path config;

  @Option(names = "--dim", defaultValue = "3", description = "Data dimension (default ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--particles", defaultValue = "200000", description = "Particles per draw (default ${DEFAULT-VALUE})")
  int particles;

  @Option(names = "--repeats", defaultValue = "3", description = "Draws per sampler; the best is printed (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--threads", defaultValue = "0", description = "Threads of either engine (training.threads; default: the config's)")
  int threads;

  @CommandLine.Parameters(paramLabel = "key=value", arity = "0..*", description = "Overrides, e.g. model.width=64")
  List<String> overrides = new java.util.ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (threads > 0) {
      overrides.add("training.threads=" + threads);
    }
    Config c = config != null ? ConfigLoader.load(config, null, overrides)
        : com.typesafe.config.ConfigFactory.parseString(String.join("\n", overrides))
            .withFallback(ConfigLoader.defaults()).resolve();
    DpBenchmark bench = new DpBenchmark(ModelConfig.from(c), MeanFlowConfig.from(c), DpConfig.from(c),
        TrainingConfig.from(c), dim);
    DpBenchmark.SamplingRate r = bench.sampling(particles, repeats);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "sampling d=%d %d particles threads=%d, engine torch: meanflow %.3e particles/s, "
        + "meanflow+dp %.3e particles/s%n", dim, r.particles(), r.threads(), r.meanflowPerSecond(),
        r.correctedPerSecond());
    out.printf(Locale.ROOT, "sampling d=%d %d particles threads=%d, engine vector: meanflow %.3e particles/s (%.2fx "
        + "torch), meanflow+dp %.3e particles/s (%.2fx torch)%n", dim, r.particles(), r.threads(),
        r.meanflowVectorPerSecond(), r.meanflowVectorPerSecond() / r.meanflowPerSecond(), r.correctedVectorPerSecond(),
        r.correctedVectorPerSecond() / r.correctedPerSecond());
    out.flush();
    return 0;
  }
}
