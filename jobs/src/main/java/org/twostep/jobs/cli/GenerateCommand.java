package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;
import org.twostep.jobs.spark.GeneratedTables;
import org.twostep.jobs.spark.Sessions;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.ArrowTrainingData;
import org.twostep.training.data.ParticleTableReader;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.MeanFlowGenerator;
import org.twostep.training.meanflow.MeanFlowModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep generate --model meanflow [--steps n]}: a cloud at every test sigma with as many particles as the
 * test reference there, deterministic given the experiment seed, into DIR/generated/ (model {@code meanflow}, or
 * {@code meanflow_2step} for the two-step baseline of SPEC §4). Sigma outside the training range are generated and
 * reported as extrapolation.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Sample a trained model at every test sigma into DIR/generated/.")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model to sample: meanflow")
  String model;

  @Option(names = "--steps", defaultValue = "1", description = "Network evaluations per sample (default ${DEFAULT-VALUE}; 2 = multi-step baseline)")
  int steps;

  @Option(names = "--force", description = "Regenerate clouds that are already complete for this config.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    if (!model.equals("meanflow")) {
      throw new InvalidConfigException("--model", model, "meanflow");
    }
    if (steps < 1) {
      throw new InvalidConfigException("--steps", steps, "a positive integer");
    }
    Config c = ctx.config();
    MeanFlowConfig mf = MeanFlowConfig.from(c);
    TrainingConfig training = TrainingConfig.from(c);
    String name = steps == 1 ? "meanflow" : "meanflow_" + steps + "step";
    String hash = ConfigHash.of(c, "experiment", "sigma", "ks", "kpp", "model", "meanflow") + "-s" + steps;
    PrintWriter out = spec.commandLine().getOut();
    double[] test = ctx.sigma().test().values();
    List<Integer> indices = new ArrayList<>();
    for (double s : test) {
      indices.add(ctx.sigma().indexOf(s));
    }
    SparkSession spark = Sessions.get();
    if (!force && GeneratedTables.isComplete(spark, ctx.layout(), ctx.experiment(), name, indices, hash)) {
      out.printf(Locale.ROOT, "generate %s %s: complete for config %s, skipped%n", name, ctx.experiment(), hash);
      return 0;
    }
    int[] counts = referenceCounts(ctx, test);
    Path dir = TrainCommand.local(ctx.layout().models()).resolve("meanflow");
    long seed = Seeds.derive(c.getLong("experiment.seed"), Seeds.coordinate("generate"), Seeds.coordinate(name));
    List<GeneratedTables.Cloud> clouds = new ArrayList<>();
    long particles = 0;
    long t0 = System.nanoTime();
    try (MeanFlowGenerator g = new MeanFlowGenerator(MeanFlowModel.load(dir, Devices.configure(training)), steps,
        mf.noiseScale())) {
      for (int i = 0; i < test.length; i++) {
        clouds.add(new GeneratedTables.Cloud(test[i], indices.get(i), g.generate(test[i], counts[i], seed)));
        particles += counts[i];
        out.printf(Locale.ROOT, "generate %s %s sigma=%s: %d particles%s%n", name, ctx.experiment(), test[i],
            counts[i], g.inTrainingRange(test[i]) ? "" : " (extrapolation: outside the training range)");
        out.flush();
      }
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    GeneratedTables.publish(spark, ctx.layout(), ctx.experiment(), c.getString("experiment.system"), name, clouds,
        hash, ctx.codeVersion());
    out.printf(Locale.ROOT, "generate %s %s: %d particles at %d sigma in %.2f s (%.0f particles/s) -> %s%n", name,
        ctx.experiment(), particles, test.length, seconds, particles / seconds, ctx.layout().generated());
    return 0;
  }

  /** Particles of the test reference at each test sigma. */
  private static int[] referenceCounts(RunContext ctx, double[] test) {
    try (ArrowTrainingData ref = ParticleTableReader.read(TrainCommand.local(ctx.layout().particles()), ctx.experiment(),
        ctx.config().getInt("experiment.dim"), "test", test)) {
      double[] found = ref.sigmas();
      int[] counts = new int[test.length];
      for (int i = 0; i < test.length; i++) {
        int g = indexOf(found, test[i]);
        if (g < 0) {
          throw new InvalidInputException("particles table has no test reference at sigma " + test[i]
              + " of experiment " + ctx.experiment());
        }
        counts[i] = ref.count(g);
      }
      return counts;
    }
  }

  private static int indexOf(double[] values, double v) {
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i] - v) <= 1e-9 * Math.max(Math.abs(v), Math.abs(values[i]))) {
        return i;
      }
    }
    return -1;
  }
}
