package org.twostep.training.deepparticle;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.ot.AssignmentSolver;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.Standardization;
import org.twostep.training.data.TrainingData;
import org.twostep.training.generate.Generator;
import org.twostep.training.meanflow.CosineSchedule;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.SigmaFeatures;
import org.twostep.training.nn.TimeEmbedding;
import org.twostep.training.progress.TrainingListener;
import org.twostep.training.store.LossLog;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/**
 * Trains the Stage II corrector on top of a frozen generator into a model directory
 * ({@code DIR/models/meanflow_dp/}, SPEC §3, §7). The loop: pick a training sigma, draw N prior samples and N
 * reference particles, couple R(y) to them, take K Adam steps with batch and coupling fixed, repeat; stop at
 * {@code dp.steps} or when the held-out validation W2 has not improved for {@code dp.patience} validations. The kept
 * weights are those of the best validation. A finished model with the same config hash is not retrained; a checkpoint
 * with the same hash is resumed at its round.
 */
public final class DeepParticleTrainer {
  private final DpConfig config;
  private final ModelConfig model;
  private final TrainingConfig training;
  private final long seed;
  private final Double torusLength;
  private final AssignmentSolver solver;

  /**
   * @param model supplies the sigma features (kind and transform), shared with Stage I
   * @param torusLength domain length L on a torus (KPP), else null
   */
  public DeepParticleTrainer(DpConfig config, ModelConfig model, TrainingConfig training, long seed,
      Double torusLength) {
    if (torusLength != null && config.frame() == FrameKind.MEANFLOW) {
      throw new InvalidConfigException("dp.frame", "meanflow", "none on a torus (a per-axis frame is not periodic)");
    }
    this.config = config;
    this.model = model;
    this.training = training;
    this.seed = seed;
    this.torusLength = torusLength;
    this.solver = new JonkerVolgenant();
  }

  /** Trains to {@code dp.steps} (or the validation stop), resuming or skipping as the directory allows. */
  public DpResult train(Generator prior, TrainingData data, Path dir, String configHash) {
    return train(prior, data, dir, configHash, Integer.MAX_VALUE);
  }

  /** As {@link #train(Generator, TrainingData, Path, String)}, but at most {@code maxSteps} Adam steps in this call. */
  public DpResult train(Generator prior, TrainingData data, Path dir, String configHash, int maxSteps) {
    return train(prior, data, dir, configHash, maxSteps, TrainingListener.NONE);
  }

  /** As {@link #train(Generator, TrainingData, Path, String, int)}, reporting steps and validations to {@code listener}. */
  public DpResult train(Generator prior, TrainingData data, Path dir, String configHash, int maxSteps,
      TrainingListener listener) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard done = files.finishedWith(configHash);
    if (done != null) {
      return new DpResult(done, CorrectorFiles.read(dir.resolve(CorrectorCard.FILE)), true, done.stepsDone(), 0, 0,
          DpTimes.zero());
    }
    if (data.sigmas().length == 0) {
      throw new InvalidInputException("the training data holds no particles");
    }
    if (prior.dim() != data.dim()) {
      throw new InvalidInputException("the prior generator draws " + prior.dim() + "-dimensional particles, the data are "
          + data.dim() + "-dimensional");
    }
    Device device = Devices.configure(training);
    ModelCard ckpt = files.resumableWith(configHash, config.steps());
    CorrectorCard ckptDp = CorrectorFiles.read(checkpointCorrector(files));
    boolean resume = ckpt != null && ckptDp != null;
    Standardization norm = resume ? ckpt.normalization().standardization() : data.statistics();
    Coordinates coords = torusLength != null ? Coordinates.torus(torusLength, data.dim()) : Coordinates.euclidean(norm);
    double[] sigmas = data.sigmas();
    SigmaFeatures features = SigmaFeatures.over(sigmas, model.sigmaFeatures(), model.transform(),
        TimeEmbedding.geometric(model.timeFrequencies(), model.timeFreqMin(), model.timeFreqMax()));
    CorrectorSpec spec = new CorrectorSpec(coords.encodedWidth() + features.count(), data.dim(), config.width(),
        config.blocksFor(coords.periodic()));
    long t0 = System.nanoTime();
    try (NDManager root = NDManager.newBaseManager(device);
        DpState state = resume
            ? DpState.restore(root, spec, config,
                ModelDirectory.readArrays(files.checkpointState(), ckpt.paramsSha256(), root), ckpt.stepsDone())
            : DpState.fresh(root, spec, config, seed)) {
      Corrector corrector = new Corrector(state.net(), coords, features, config.clampSigma());
      ReferencePool pool = new ReferencePool(data, coords, config.validationFraction(), config.validationSize());
      Frames frames = new Frames(config.frame(), prior, coords, config.frameSamples(), seed);
      Validation validation = new Validation(prior, pool, sigmas, frames, coords, new ExactCoupling(solver, coords), seed);
      DpRun run = new DpRun(files, configHash, norm, coords, features, spec, sigmas, device,
          resume ? LossLog.read(files.loss(), ckpt.stepsDone()) : new LossLog(),
          resume ? ckpt.trainingSeconds() : 0, resume ? ckptDp : null);
      if (!resume && validation.enabled()) {
        double v0 = validation.measure(corrector, state.manager());
        run.initial(v0);
      }
      int start = resume ? ckpt.stepsDone() : 0;
      run.startAt(start);
      int end = (int) Math.min(config.steps(), (long) start + maxSteps);
      listener.started(start, config.steps());
      DpTimes callTimes = loop(state, corrector, pool, frames, validation, run, prior, start, end, listener);
      return new DpResult(run.lastCard(), run.lastCorrector(), false, start, run.stepsDone() - start,
          (System.nanoTime() - t0) * 1e-9, callTimes);
    }
  }

  private DpTimes loop(DpState state, Corrector corrector, ReferencePool pool, Frames frames, Validation validation,
      DpRun run, Generator prior, int start, int end, TrainingListener listener) {
    Coupling coupling = couplingFor(corrector.coordinates());
    DpSteps steps = new DpSteps(state, corrector, config.beta());
    CosineSchedule schedule = new CosineSchedule(config.lr(), config.lrMin(), config.steps());
    int n = config.batchSize();
    int d = corrector.coordinates().dim();
    DpTimes times = DpTimes.zero();
    long t0 = System.nanoTime();
    try (RoundPlanner planner = new RoundPlanner(prior, pool, run.sigmas(), frames, corrector, state.manager(),
        coupling, n, seed, config.overlap())) {
      int k = start;
      boolean stop = false;
      while (k < end && !stop) {
        Round round = planner.next(run.roundsDone());
        if (!round.coupling().converged() && !config.allowUnconverged()) {
          throw new InvalidConfigException("dp.allow_unconverged", String.format(Locale.ROOT,
              "the Sinkhorn coupling of round %d (sigma %s, dp.sinkhorn_eps = %s) did not converge within its "
                  + "iteration cap, so its rows do not carry mass 1/n; raise dp.sinkhorn_eps, or set "
                  + "dp.allow_unconverged = true to train on it anyway (the count goes to the corrector card)",
              round.index(), round.sigma(), config.sinkhornEps()));
        }
        long g0 = System.nanoTime();
        int roundSteps = Math.min(config.refreshEvery(), end - k);
        try (NDManager rm = state.manager().newSubManager()) {
          Corrector.Inputs in = corrector.inputs(rm, round.y(), n, round.sigma(), round.frame());
          NDArray targets = rm.create(round.coupling().targets(), new Shape(n, d));
          for (int s = 0; s < roundSteps; s++, k++) {
            double lr = schedule.at(k);
            float loss = steps.run(in, targets, lr);
            if (!Float.isFinite(loss)) {
              throw new InvalidInputException(String.format(Locale.ROOT,
                  "corrector training diverged at step %d (loss %s, lr %.3g); lower dp.lr", k, loss, lr));
            }
            run.log().add(k, lr, loss + round.coupling().offset());
            listener.step(k, loss + round.coupling().offset());
          }
        }
        times = times.plusRound(round, roundSteps, (System.nanoTime() - g0) * 1e-9);
        run.roundDone();
        boolean last = k >= config.steps();
        if (validation.enabled() && (crossed(k, roundSteps, config.validateEvery()) || last)) {
          long v0 = System.nanoTime();
          double v = validation.measure(corrector, state.manager());
          times = times.plusValidation((System.nanoTime() - v0) * 1e-9);
          stop = run.validated(k, v, state, config.patience());
          listener.validated(k, v, run.bestValidation());
        }
        if (crossed(k, roundSteps, config.checkpointEvery()) || last || stop || k >= end) {
          run.checkpoint(state, k, (System.nanoTime() - t0) * 1e-9, last || stop, times, stop);
          listener.checkpointed(k);
        }
      }
    }
    return times;
  }

  private Coupling couplingFor(Coordinates coords) {
    return switch (config.coupling()) {
      case EXACT -> new ExactCoupling(solver, coords);
      case SINKHORN -> new SinkhornCoupling(coords, config.sinkhornEps());
    };
  }

  /** Whether the steps (k - taken, k] contain a multiple of {@code every}. */
  private static boolean crossed(int k, int taken, int every) {
    return k / every != (k - taken) / every;
  }

  static Path checkpointCorrector(ModelDirectory files) {
    return files.checkpointCard().resolveSibling(CorrectorCard.FILE);
  }

  /** The per-run context a checkpoint and the stopping rule need. */
  private final class DpRun {
    private final ModelDirectory files;
    private final String configHash;
    private final Standardization norm;
    private final Coordinates coords;
    private final SigmaFeatures features;
    private final CorrectorSpec spec;
    private final double[] sigmas;
    private final Device device;
    private final LossLog log;
    private final double earlierSeconds;
    private final List<CorrectorCard.ValidationPoint> validations = new ArrayList<>();
    private int roundsDone;
    private int stepsDone;
    private int bestStep;
    private double bestValidation = Double.NaN;
    private double initialValidation = Double.NaN;
    private int sinceBest;
    private DpTimes earlierTimes = DpTimes.zero();
    private ModelCard lastCard;
    private CorrectorCard lastCorrector;

    DpRun(ModelDirectory files, String configHash, Standardization norm, Coordinates coords, SigmaFeatures features,
        CorrectorSpec spec, double[] sigmas, Device device, LossLog log, double earlierSeconds, CorrectorCard resumed) {
      this.files = files;
      this.configHash = configHash;
      this.norm = norm;
      this.coords = coords;
      this.features = features;
      this.spec = spec;
      this.sigmas = sigmas;
      this.device = device;
      this.log = log;
      this.earlierSeconds = earlierSeconds;
      if (resumed != null) {
        roundsDone = resumed.roundsDone();
        bestStep = resumed.bestStep();
        bestValidation = resumed.bestValidation();
        initialValidation = resumed.initialValidation();
        sinceBest = resumed.sinceBest();
        validations.addAll(resumed.validations());
        earlierTimes = resumed.times();
      }
    }

    double[] sigmas() {
      return sigmas;
    }

    LossLog log() {
      return log;
    }

    int roundsDone() {
      return roundsDone;
    }

    int stepsDone() {
      return stepsDone;
    }

    double bestValidation() {
      return bestValidation;
    }

    void startAt(int step) {
      stepsDone = step;
    }

    void roundDone() {
      roundsDone++;
    }

    void initial(double v) {
      initialValidation = v;
      bestValidation = v;
      bestStep = 0;
      validations.add(new CorrectorCard.ValidationPoint(0, v));
    }

    /** Records a validation; keeps the weights when they improve; returns whether the stopping rule fires. */
    boolean validated(int step, double v, DpState state, int patience) {
      validations.add(new CorrectorCard.ValidationPoint(step, v));
      if (Double.isNaN(bestValidation) || v < bestValidation) {
        bestValidation = v;
        bestStep = step;
        sinceBest = 0;
        state.keepAsBest();
        return false;
      }
      sinceBest++;
      return patience > 0 && sinceBest >= patience;
    }

    void checkpoint(DpState state, int steps, double seconds, boolean finished, DpTimes times, boolean stopped) {
      stepsDone = steps;
      DpTimes total = earlierTimes.plus(times);
      log.write(files.loss());
      String stateSha = ModelDirectory.writeArrays(files.checkpointState(), state.snapshot());
      ModelDirectory.writeCard(files.checkpointCard(), card(steps, seconds, false, "checkpoint/state.ndlist", stateSha));
      lastCorrector = corrector(total, stopped);
      CorrectorFiles.write(checkpointCorrector(files), lastCorrector);
      lastCard = card(steps, seconds, false, "checkpoint/state.ndlist", stateSha);
      if (!finished) {
        return;
      }
      if (Double.isNaN(bestValidation)) {
        state.keepAsBest();
        bestStep = steps;
        lastCorrector = corrector(total, stopped);
      }
      String sha = ModelDirectory.writeArrays(files.params(), new NDList(state.best()));
      CorrectorFiles.write(files.root().resolve(CorrectorCard.FILE), lastCorrector);
      lastCard = card(steps, seconds, true, ModelDirectory.PARAMS, sha);
      ModelDirectory.writeCard(files.card(), lastCard);
    }

    ModelCard lastCard() {
      return lastCard;
    }

    CorrectorCard lastCorrector() {
      return lastCorrector;
    }

    private CorrectorCard corrector(DpTimes total, boolean stopped) {
      return new CorrectorCard(CorrectorCard.FORMAT, coords.periodic(), coords.torusLength(), spec.inputs(),
          spec.dim(), spec.width(), spec.blocks(), config.frame().name().toLowerCase(Locale.ROOT),
          config.frameSamples(), seed, config.beta(), config.coupling().name().toLowerCase(Locale.ROOT),
          config.sinkhornEps(), config.batchSize(), config.refreshEvery(), roundsDone, bestStep, bestValidation,
          initialValidation, sinceBest, stopped, List.copyOf(validations), total, config.clampSigma());
    }

    private ModelCard card(int steps, double seconds, boolean finished, String paramsFile, String sha) {
      return new ModelCard(ModelCard.FORMAT, "meanflow_dp", configHash, finished, config.steps(), steps, seed,
          new ModelCard.Architecture(spec.dim(), spec.width(), spec.blocks(), features.frequencies(),
              model.sigmaFeatures().name().toLowerCase(Locale.ROOT), features.count(), "silu", 0.0),
          ModelCard.Normalization.of(norm),
          new ModelCard.SigmaRange(model.transform().name().toLowerCase(Locale.ROOT), sigmas, sigmas[0],
              sigmas[sigmas.length - 1], features.featureMin(), features.featureMax()),
          torusLength, paramsFile, sha, ModelDirectory.LOSS, log.curve(Math.max(1, config.refreshEvery())),
          earlierSeconds + seconds, device.toString(), java.time.Instant.now().toString());
    }
  }
}
