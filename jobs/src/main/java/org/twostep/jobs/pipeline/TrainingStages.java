package org.twostep.jobs.pipeline;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.TrainingInput;
import org.twostep.training.baselines.ImmConfig;
import org.twostep.training.baselines.ImmResult;
import org.twostep.training.baselines.ImmTrainer;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.TrainingData;
import org.twostep.training.data.TrainingDataFile;
import org.twostep.training.frame.FrameConfig;
import org.twostep.training.frame.FramedTrainingData;
import org.twostep.training.frame.SigmaFrame;
import org.twostep.training.frame.TrendFile;
import org.twostep.training.deepparticle.DeepParticleTrainer;
import org.twostep.training.deepparticle.DpConfig;
import org.twostep.training.deepparticle.DpResult;
import org.twostep.training.generate.Generator;
import org.twostep.training.meanflow.MeanFlowTrainer;
import org.twostep.training.meanflow.TrainResult;
import org.twostep.training.progress.TrainingListener;
import org.twostep.training.store.ModelCard;

/**
 * The training stages on the driver: MeanFlow (SPEC §2), the DeepParticle corrector over the frozen MeanFlow (§3),
 * IMM (§4). Each reads the train split of DIR/particles once, through Spark ({@link TrainingInput}) or from a file the
 * pipeline hands over, resumes from its checkpoint, and skips a finished model with the same config hash.
 */
public final class TrainingStages {
  /** The stage names of {@code train --stage}. */
  public static final String MEANFLOW = "meanflow";
  public static final String DP = "dp";
  public static final String IMM = "imm";

  private TrainingStages() {}

  public static void train(RunContext ctx, String stage, PrintWriter out) {
    train(ctx, stage, out, TrainingListener.NONE, null);
  }

  /**
   * As {@link #train(RunContext, String, PrintWriter)}, reporting each step to {@code progress}. On remote storage the
   * stage works in the run's local working copy: it pulls the models (checkpoints to resume, the frozen MeanFlow under
   * the corrector) first, and pushes them back after, also when it fails, so a checkpoint written before a failure is
   * kept. The training input is read with Spark from the storage itself, or, when {@code trainInput} is not null, from
   * the local file the pipeline handed over ({@link TrainingDataFile}, written by {@link #writeTrainInput}).
   */
  public static void train(RunContext ctx, String stage, PrintWriter out, TrainingListener progress,
      Path trainInput) {
    if (!java.util.List.of(MEANFLOW, DP, IMM).contains(stage)) {
      throw new org.twostep.common.error.InvalidConfigException("--stage", stage, "one of meanflow, dp, imm");
    }
    RunStorage storage = ctx.storage();
    String trained = switch (stage) {
      case MEANFLOW -> Models.MEANFLOW;
      case DP -> Models.correctorName(ctx.config());
      default -> Models.IMM;
    };
    String own = Models.storagePart(trained); // the one directory this stage writes: stages at once never share one
    storage.pull(Models.storageParts(trained)); // the training input is read with Spark from the storage itself
    TrainingListener synced = storage.remote() ? pushingCheckpoints(progress, storage, own) : progress;
    try {
      switch (stage) {
        case MEANFLOW -> meanflow(ctx, out, synced, trainInput);
        case DP -> deepParticle(ctx, out, synced, trainInput);
        default -> imm(ctx, out, synced, trainInput);
      }
    } finally {
      storage.push(own);
    }
  }

  /** {@code progress}, and each checkpoint in {@code part} pushed to the run's storage as soon as it is written. */
  private static TrainingListener pushingCheckpoints(TrainingListener progress, RunStorage storage, String part) {
    return new TrainingListener() {
      @Override
      public void started(int firstStep, int totalSteps) {
        progress.started(firstStep, totalSteps);
      }

      @Override
      public void step(int step, double loss) {
        progress.step(step, loss);
      }

      @Override
      public void validated(int step, double value, double best) {
        progress.validated(step, value, best);
      }

      @Override
      public void checkpointed(int stepsDone) {
        progress.checkpointed(stepsDone);
        storage.push(part); // only the files the checkpoint changed are copied
      }
    };
  }

  static void meanflow(RunContext ctx, PrintWriter out, TrainingListener progress, Path input) {
    Config c = ctx.config();
    RunLayoutPaths paths = RunLayoutPaths.of(ctx.storage());
    Path dir = Models.dir(paths, Models.MEANFLOW);
    try (TrainingData data = load(ctx, out, input)) {
      TrainingData seen = data;
      FrameConfig frame = Models.frame(c);
      if (frame.enabled()) {
        SigmaFrame fitted = frame.fit(data);
        TrendFile.write(dir, fitted);
        seen = new FramedTrainingData(data, fitted);
      } else {
        TrendFile.delete(dir);
      }
      TrainResult r = new MeanFlowTrainer(ModelConfig.from(c), MeanFlowConfig.from(c), TrainingConfig.from(c),
          Models.trainingSeed(c), Models.torusLength(c))
          .train(seen, dir, Models.hash(c, Models.MEANFLOW), Integer.MAX_VALUE, progress);
      var curve = r.card().trainingCurve();
      report(out, ctx, Models.MEANFLOW, r.skipped(), r.stepsRun(), r.resumedFrom(), r.seconds(),
          curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss(), r.card());
    }
  }

  static void deepParticle(RunContext ctx, PrintWriter out, TrainingListener progress, Path input) {
    Config c = ctx.config();
    RunLayoutPaths paths = RunLayoutPaths.of(ctx.storage());
    String name = Models.correctorName(c);
    try (TrainingData data = load(ctx, out, input);
        Generator prior = Models.openInFrame(c, paths, Models.MEANFLOW, 1)) {
      // the corrector learns where MeanFlow does: in its frame when it has one
      TrainingData seen = Models.inMeanFlowFrame(paths, data);
      DpResult r = new DeepParticleTrainer(DpConfig.from(c), ModelConfig.from(c), TrainingConfig.from(c),
          Models.trainingSeed(c), Models.torusLength(c))
          .train(prior, seen, Models.dir(paths, name), Models.hash(c, name), Integer.MAX_VALUE, progress);
      report(out, ctx, name, r.skipped(), r.stepsRun(), r.resumedFrom(), r.seconds(), Double.NaN, r.card());
      if (!r.skipped()) {
        out.printf(Locale.ROOT, "train %s %s: time split %s%n", name, ctx.experiment(), r.times());
      }
    }
  }

  static void imm(RunContext ctx, PrintWriter out, TrainingListener progress, Path input) {
    Config c = ctx.config();
    RunLayoutPaths paths = RunLayoutPaths.of(ctx.storage());
    try (TrainingData data = load(ctx, out, input)) {
      ImmResult r = new ImmTrainer(ModelConfig.from(c), ImmConfig.from(c), TrainingConfig.from(c),
          Models.trainingSeed(c), Models.torusLength(c))
          .train(data, Models.dir(paths, Models.IMM), Models.hash(c, Models.IMM), progress);
      report(out, ctx, Models.IMM, r.skipped(), r.stepsRun(), r.resumedFrom(), r.seconds(), Double.NaN,
          r.card());
    }
  }

  /**
   * Reads the train split with Spark from wherever the run lives and writes it to the local {@code file}, for
   * training stages in other JVMs to take with {@code train --train-input} instead of each starting Spark to read it.
   */
  public static void writeTrainInput(RunContext ctx, Path file) {
    try (TrainingData data = readTrain(ctx).data()) {
      TrainingDataFile.write(data, file);
    }
  }

  private static TrainingInput.Loaded readTrain(RunContext ctx) {
    return TrainingInput.readTrain(Sessions.get(), ctx.layout().particles(), ctx.experiment(),
        ctx.config().getInt("experiment.dim"), ctx.sigma().train().values());
  }

  /** The train split as float arrays per sigma: handed over in {@code input}, or read with Spark when it is null. */
  private static TrainingData load(RunContext ctx, PrintWriter out, Path input) {
    TrainingData data;
    long rows;
    double seconds;
    if (input == null) {
      TrainingInput.Loaded loaded = readTrain(ctx);
      data = loaded.data();
      rows = loaded.rows();
      seconds = loaded.seconds();
    } else {
      long t0 = System.nanoTime();
      data = TrainingDataFile.read(input);
      seconds = (System.nanoTime() - t0) * 1e-9;
      rows = java.util.stream.IntStream.range(0, data.sigmas().length).mapToLong(data::count).sum();
    }
    out.printf(Locale.ROOT, "train %s: loaded %d train particles at %d sigma (%.1f MiB)%s in %.2f s%n",
        ctx.experiment(), rows, data.sigmas().length, rows * data.dim() * 4 / 1048576.0,
        input == null ? "" : " handed over by the pipeline", seconds);
    out.flush();
    return data;
  }

  private static void report(PrintWriter out, RunContext ctx, String model, boolean skipped, int steps, int from,
      double seconds, double finalLoss, ModelCard card) {
    // the device is printed as well as carded: with training.device = auto a missing CUDA build falls back to the CPU
    if (skipped) {
      out.printf(Locale.ROOT, "train %s %s: finished model with config %s already there (trained on %s), skipped%n",
          model, ctx.experiment(), card.configHash(), card.device());
    } else {
      out.printf(Locale.ROOT, "train %s %s: %d step(s) from step %d in %.1f s (%.1f steps/s) on %s%s; config %s%n",
          model, ctx.experiment(), steps, from, seconds, steps / Math.max(seconds, 1e-9), card.device(),
          Double.isNaN(finalLoss) ? "" : String.format(Locale.ROOT, ", final loss %.4f", finalLoss), card.configHash());
    }
    out.flush();
  }
}
