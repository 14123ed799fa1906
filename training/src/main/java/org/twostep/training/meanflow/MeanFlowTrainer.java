package org.twostep.training.meanflow;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.Standardization;
import org.twostep.training.data.TrainingData;
import org.twostep.training.nn.NetSpec;
import org.twostep.training.nn.TimeEmbedding;
import org.twostep.training.progress.TrainingListener;
import org.twostep.training.store.LossLog;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/**
 * Trains the Stage I MeanFlow generator into a model directory (SPEC §2, §7). A finished model with the same config
 * hash is not retrained; a checkpoint with the same hash is resumed, replaying the exact batches of an uninterrupted
 * run (each step's stream is derived from the seed and the step number).
 */
public final class MeanFlowTrainer {
  private final ModelConfig model;
  private final MeanFlowConfig config;
  private final TrainingConfig training;
  private final long seed;
  private final Double torusLength;

  /**
   * @param torusLength domain length L on a torus (KPP), whose generated outputs are wrapped into [0, L)^d; else null
   */
  public MeanFlowTrainer(ModelConfig model, MeanFlowConfig config, TrainingConfig training, long seed,
      Double torusLength) {
    this.model = model;
    this.config = config;
    this.training = training;
    this.seed = seed;
    this.torusLength = torusLength;
  }

  /** Trains to {@code meanflow.steps}, resuming or skipping as the directory allows. */
  public TrainResult train(TrainingData data, Path dir, String configHash) {
    return train(data, dir, configHash, Integer.MAX_VALUE);
  }

  /** As {@link #train(TrainingData, Path, String)}, but stops after {@code maxSteps} steps in this call. */
  public TrainResult train(TrainingData data, Path dir, String configHash, int maxSteps) {
    return train(data, dir, configHash, maxSteps, TrainingListener.NONE);
  }

  /** As {@link #train(TrainingData, Path, String, int)}, reporting each step to {@code listener}. */
  public TrainResult train(TrainingData data, Path dir, String configHash, int maxSteps, TrainingListener listener) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard done = files.finishedWith(configHash);
    if (done != null) {
      return new TrainResult(done, true, done.stepsDone(), 0, 0);
    }
    if (data.sigmas().length == 0) {
      throw new InvalidInputException("the training data holds no particles");
    }
    Device device = Devices.configure(training);
    ModelCard ckpt = files.resumableWith(configHash, config.steps());
    boolean resume = ckpt != null;
    Standardization norm = resume ? ckpt.normalization().standardization()
        : torusLength != null ? Standardization.onTorus(data, torusLength) : data.statistics();
    SigmaFeatures features = SigmaFeatures.over(data.sigmas(), model.sigmaFeatures(), model.transform(),
        TimeEmbedding.geometric(model.timeFrequencies(), model.timeFreqMin(), model.timeFreqMax()));
    NetSpec spec = NetSpec.of(model, data.dim(), features.count());
    try (NDManager root = NDManager.newBaseManager(device)) {
      TrainState state = resume
          ? TrainState.restore(root, spec, config,
              ModelDirectory.readArrays(files.checkpointState(), ckpt.paramsSha256(), root), ckpt.stepsDone())
          : TrainState.fresh(root, spec, config, model.headGain(), seed);
      int start = resume ? ckpt.stepsDone() : 0;
      LossLog log = resume ? LossLog.read(files.loss(), start) : new LossLog();
      double earlier = resume ? ckpt.trainingSeconds() : 0;
      Run run = new Run(files, configHash, data, norm, features, device, log, earlier);
      MeanFlowStep step = new MeanFlowStep(state, new BatchBuilder(data, norm, features, config, seed), config);
      CosineSchedule schedule = new CosineSchedule(config.lr(), config.lrMin(), config.steps());
      PhaseClock clock = new PhaseClock();
      long t0 = System.nanoTime();
      int end = (int) Math.min(config.steps(), (long) start + maxSteps);
      ModelCard card = ckpt;
      listener.started(start, config.steps());
      for (int k = start; k < end; k++) {
        double lr = schedule.at(k);
        float loss = step.run(k, lr, clock);
        if (!Float.isFinite(loss)) {
          throw new InvalidInputException(String.format(Locale.ROOT,
              "MeanFlow training diverged at step %d (loss %s, lr %.3g); lower meanflow.lr", k, loss, lr));
        }
        log.add(k, lr, loss);
        listener.step(k, loss);
        boolean last = k + 1 == config.steps();
        if ((k + 1) % config.checkpointEvery() == 0 || last || k + 1 == end) {
          card = run.checkpoint(state, k + 1, (System.nanoTime() - t0) * 1e-9, last);
          listener.checkpointed(k + 1);
        }
      }
      state.close();
      return new TrainResult(card, false, start, end - start, (System.nanoTime() - t0) * 1e-9);
    }
  }

  /** The per-run context a checkpoint needs. */
  private final class Run {
    private final ModelDirectory files;
    private final String configHash;
    private final TrainingData data;
    private final Standardization norm;
    private final SigmaFeatures features;
    private final Device device;
    private final LossLog log;
    private final double earlierSeconds;

    Run(ModelDirectory files, String configHash, TrainingData data, Standardization norm, SigmaFeatures features,
        Device device, LossLog log, double earlierSeconds) {
      this.files = files;
      this.configHash = configHash;
      this.data = data;
      this.norm = norm;
      this.features = features;
      this.device = device;
      this.log = log;
      this.earlierSeconds = earlierSeconds;
    }

    /** Writes the training state (and, when finished, the sampling weights and the final card). */
    ModelCard checkpoint(TrainState state, int stepsDone, double seconds, boolean finished) {
      log.write(files.loss());
      String stateSha = ModelDirectory.writeArrays(files.checkpointState(), state.snapshot());
      ModelCard ckpt = card(stepsDone, seconds, false, "checkpoint/state.ndlist", stateSha);
      ModelDirectory.writeCard(files.checkpointCard(), ckpt);
      if (!finished) {
        return ckpt;
      }
      String sha = ModelDirectory.writeArrays(files.params(), new NDList(state.ema().averages()));
      ModelCard done = card(stepsDone, seconds, true, ModelDirectory.PARAMS, sha);
      ModelDirectory.writeCard(files.card(), done);
      return done;
    }

    private ModelCard card(int stepsDone, double seconds, boolean finished, String paramsFile, String sha) {
      double[] sigmas = data.sigmas();
      NetSpec spec = NetSpec.of(model, data.dim(), features.count());
      return new ModelCard(ModelCard.FORMAT, "meanflow", configHash, finished, config.steps(), stepsDone, seed,
          new ModelCard.Architecture(spec.dim(), spec.width(), spec.depth(), spec.frequencies(),
              model.sigmaFeatures().name().toLowerCase(Locale.ROOT), features.count(), "selu", model.headGain()),
          ModelCard.Normalization.of(norm),
          new ModelCard.SigmaRange(model.transform().name().toLowerCase(Locale.ROOT), sigmas, sigmas[0],
              sigmas[sigmas.length - 1], features.featureMin(), features.featureMax()),
          torusLength, paramsFile, sha, ModelDirectory.LOSS, log.curve(config.checkpointEvery()),
          earlierSeconds + seconds, device.toString(), Instant.now().toString());
    }
  }
}
