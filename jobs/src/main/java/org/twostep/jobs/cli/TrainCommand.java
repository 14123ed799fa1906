package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.ArrowTrainingData;
import org.twostep.training.data.ParticleTableReader;
import org.twostep.training.meanflow.MeanFlowTrainer;
import org.twostep.training.meanflow.TrainResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep train --stage meanflow}: Stage I on the train split of DIR/particles, into DIR/models/meanflow/.
 * Resumes from the last checkpoint; a finished model with the same config hash is not retrained.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a stage (meanflow) on DIR/particles into DIR/models/<stage>/.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "Stage to train: meanflow")
  String stage;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    if (!stage.equals("meanflow")) {
      throw new InvalidConfigException("--stage", stage, "meanflow");
    }
    Config c = ctx.config();
    ModelConfig model = ModelConfig.from(c);
    MeanFlowConfig mf = MeanFlowConfig.from(c);
    TrainingConfig training = TrainingConfig.from(c);
    PrintWriter out = spec.commandLine().getOut();
    Path models = local(ctx.layout().models()).resolve("meanflow");
    try (ArrowTrainingData data = ParticleTableReader.readTrain(local(ctx.layout().particles()),
        ctx.experiment(), c.getInt("experiment.dim"), ctx.sigma().train().values())) {
      long rows = 0;
      for (int g = 0; g < data.sigmas().length; g++) {
        rows += data.count(g);
      }
      out.printf(Locale.ROOT, "train meanflow %s: loaded %d train particles at %d sigma into Arrow (%.1f MiB) in %.2f s%n",
          ctx.experiment(), rows, data.sigmas().length, data.bytes() / 1048576.0, data.loadSeconds());
      out.flush();
      TrainResult r = new MeanFlowTrainer(model, mf, training, c.getLong("experiment.seed"), torusLength(c))
          .train(data, models, hash(c));
      if (r.skipped()) {
        out.printf(Locale.ROOT, "train meanflow %s: finished model with config %s already in %s, skipped%n",
            ctx.experiment(), r.card().configHash(), models);
      } else {
        var curve = r.card().trainingCurve();
        out.printf(Locale.ROOT, "train meanflow %s: %d step(s) from step %d in %.1f s (%.1f steps/s) on %s, "
                + "final loss %.4f; config %s -> %s%n", ctx.experiment(), r.stepsRun(), r.resumedFrom(), r.seconds(),
            r.stepsRun() / Math.max(r.seconds(), 1e-9), r.card().device(),
            curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss(), r.card().configHash(), models);
      }
    }
    return 0;
  }

  /** Everything a MeanFlow model depends on: the simulated data and the network and training sections. */
  static String hash(Config c) {
    return ConfigHash.of(c, "experiment", "sigma", "ks", "kpp", "model", "meanflow");
  }

  /** A run-layout path as a local path: training reads and writes without Spark, on the local file system. */
  static Path local(String layoutPath) {
    if (layoutPath.startsWith("file:")) {
      return Path.of(java.net.URI.create(layoutPath));
    }
    if (layoutPath.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new org.twostep.common.error.InvalidInputException(
          "training reads and writes the local file system; " + layoutPath + " is not local");
    }
    return Path.of(layoutPath);
  }

  /** The torus side L for KPP (outputs are wrapped into [0, L)^d), null otherwise. */
  static Double torusLength(Config c) {
    return c.getString("experiment.system").equals("kpp") ? c.getDouble("kpp.domain_length") : null;
  }
}
