package org.twostep.training.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.Standardization;
import org.twostep.training.data.TrainingData;
import org.twostep.training.meanflow.CosineSchedule;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.SigmaFeatures;
import org.twostep.training.meanflow.TrainState;
import org.twostep.training.nn.NetSpec;
import org.twostep.training.nn.TimeEmbedding;
import org.twostep.training.progress.TrainingListener;
import org.twostep.training.store.LossLog;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/**
 * Trains the IMM baseline into a model directory ({@code DIR/models/imm/}, SPEC §4, §7) with MeanFlow's data,
 * standardization, sigma features and network family (depth {@code imm.depth}). Skips a finished model with the same
 * config hash; resumes a checkpoint with it, replaying the batches of an uninterrupted run.
 */
public final class ImmTrainer {
  private final ModelConfig model;
  private final ImmConfig config;
  private final TrainingConfig training;
  private final long seed;
  private final Double torusLength;

  /** @param torusLength L on a torus, whose samples are wrapped into [0, L)^d; else null */
  public ImmTrainer(ModelConfig model, ImmConfig config, TrainingConfig training, long seed, Double torusLength) {
    this.model = model;
    this.config = config;
    this.training = training;
    this.seed = seed;
    this.torusLength = torusLength;
  }

  public ImmResult train(TrainingData data, Path dir, String configHash) {
    return train(data, dir, configHash, TrainingListener.NONE);
  }

  /** As {@link #train(TrainingData, Path, String)}, reporting each step to {@code listener}. */
  public ImmResult train(TrainingData data, Path dir, String configHash, TrainingListener listener) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard done = files.finishedWith(configHash);
    if (done != null) {
      return new ImmResult(done, true, done.stepsDone(), 0, 0);
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
    NetSpec spec = new NetSpec(data.dim(), features.count(), model.width(), config.depth(),
        TimeEmbedding.geometric(model.timeFrequencies(), model.timeFreqMin(), model.timeFreqMax()));
    long t0 = System.nanoTime();
    try (NDManager root = NDManager.newBaseManager(device);
        TrainState state = resume
            ? TrainState.restore(root, spec, config,
                ModelDirectory.readArrays(files.checkpointState(), ckpt.paramsSha256(), root), ckpt.stepsDone())
            : TrainState.fresh(root, spec, config, model.headGain(), seed)) {
      int start = resume ? ckpt.stepsDone() : 0;
      LossLog log = resume ? LossLog.read(files.loss(), start) : new LossLog();
      double earlier = resume ? ckpt.trainingSeconds() : 0;
      ImmStep step = new ImmStep(state, new ImmBatch(data, norm, features, config, seed), data.dim());
      CosineSchedule schedule = new CosineSchedule(config.lr(), config.lrMin(), config.steps());
      ModelCard card = ckpt;
      listener.started(start, config.steps());
      for (int k = start; k < config.steps(); k++) {
        double lr = schedule.at(k);
        float loss = step.run(k, lr);
        if (!Float.isFinite(loss)) {
          throw new InvalidInputException(String.format(Locale.ROOT,
              "IMM training diverged at step %d (loss %s, lr %.3g); lower imm.lr", k, loss, lr));
        }
        log.add(k, lr, loss);
        listener.step(k, loss);
        boolean last = k + 1 == config.steps();
        if ((k + 1) % config.checkpointEvery() == 0 || last) {
          double seconds = earlier + (System.nanoTime() - t0) * 1e-9;
          log.write(files.loss());
          String stateSha = ModelDirectory.writeArrays(files.checkpointState(), state.snapshot());
          card = card(configHash, k + 1, seconds, false, "checkpoint/state.ndlist", stateSha, spec, features, norm,
              data.sigmas(), log, device);
          ModelDirectory.writeCard(files.checkpointCard(), card);
          if (last) {
            String sha = ModelDirectory.writeArrays(files.params(), new NDList(state.ema().averages()));
            card = card(configHash, k + 1, seconds, true, ModelDirectory.PARAMS, sha, spec, features, norm,
                data.sigmas(), log, device);
            ModelDirectory.writeCard(files.card(), card);
          }
          listener.checkpointed(k + 1);
        }
      }
      return new ImmResult(card, false, start, config.steps() - start, (System.nanoTime() - t0) * 1e-9);
    }
  }

  private ModelCard card(String configHash, int stepsDone, double seconds, boolean finished, String paramsFile,
      String sha, NetSpec spec, SigmaFeatures features, Standardization norm, double[] sigmas, LossLog log,
      Device device) {
    return new ModelCard(ModelCard.FORMAT, "imm", configHash, finished, config.steps(), stepsDone, seed,
        new ModelCard.Architecture(spec.dim(), spec.width(), spec.depth(), spec.frequencies(),
            model.sigmaFeatures().name().toLowerCase(Locale.ROOT), features.count(), "selu", model.headGain()),
        ModelCard.Normalization.of(norm),
        new ModelCard.SigmaRange(model.transform().name().toLowerCase(Locale.ROOT), sigmas, sigmas[0],
            sigmas[sigmas.length - 1], features.featureMin(), features.featureMax()),
        torusLength, paramsFile, sha, ModelDirectory.LOSS, log.curve(config.checkpointEvery()), seconds,
        device.toString(), Instant.now().toString());
  }
}
