package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SamplingEngine;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.generate.Generator;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.MeanFlowGenerator;
import org.twostep.training.meanflow.MeanFlowModel;
import org.twostep.training.meanflow.MeanFlowTrainer;

/**
 * {@code twostep bench dp}: corrector Adam steps/s alone, and the whole Stage II loop (generator draws, coupling,
 * K Adam steps) with its time split, on the regime Stage II sees: a MeanFlow prior (one training step, so its outputs
 * are the noise, N(0, I) in standardized coordinates) against reference particles of nearly the same law
 * (N(0, diag(1.05^2, 0.95^2, 1)) before standardization). Benchmarks only; nothing here runs in tests.
 */
public final class DpBenchmark {
  private final ModelConfig model;
  private final MeanFlowConfig meanflow;
  private final DpConfig dp;
  private final TrainingConfig training;
  private final int dim;

  /**
   * @param label what was measured
   * @param n batch size N
   * @param k refresh period K (0 for steps alone)
   * @param overlap whether couplings were solved during the Adam steps
   * @param steps Adam steps timed
   * @param stepsPerSecond Adam steps per second of wall time (generator, coupling and gradient time)
   * @param generatorMsPerRound prior and reference draws per round
   * @param couplingMsPerRound coupling time on the training thread per round
   * @param gradientMsPerStep one Adam step (forward, backward, update)
   */
  public record Row(String label, int n, int k, boolean overlap, int steps, double stepsPerSecond,
      double generatorMsPerRound, double couplingMsPerRound, double gradientMsPerStep) {}

  public DpBenchmark(ModelConfig model, MeanFlowConfig meanflow, DpConfig dp, TrainingConfig training, int dim) {
    this.model = model;
    this.meanflow = meanflow;
    this.dp = dp;
    this.training = training;
    this.dim = dim;
  }

  static InMemoryTrainingData sameLaw(int dim, long seed) {
    double[] spread = {1.05, 0.95, 1.0, 1.0};
    TreeMap<Double, float[]> groups = new TreeMap<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int g = 0; g < 8; g++) {
      float[] rows = new float[4000 * dim];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (float) (spread[(i % dim) % spread.length] * rng.nextGaussian());
      }
      groups.put(20.0 + 20.0 * g, rows);
    }
    return new InMemoryTrainingData(dim, groups);
  }

  /** Adam steps alone on one fixed batch and coupling (the corrector step rate). */
  public Row steps(int n, int warmup, int steps) {
    Devices.configure(training);
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      InMemoryTrainingData data = sameLaw(dim, 1);
      Coordinates coords = Coordinates.euclidean(data.statistics());
      var features = org.twostep.training.meanflow.SigmaFeatures.over(data.sigmas(), model.sigmaFeatures(),
          model.transform(), new double[0]);
      CorrectorSpec spec = new CorrectorSpec(coords.encodedWidth() + features.count(), dim, dp.width(),
          dp.blocksFor(false));
      try (DpState state = DpState.fresh(m, spec, dp, 3)) {
        Corrector c = new Corrector(state.net(), coords, features);
        SplittableRandom rng = new SplittableRandom(5);
        float[] y = new float[n * dim];
        float[] x = new float[n * dim];
        for (int i = 0; i < y.length; i++) {
          y[i] = (float) rng.nextGaussian();
          x[i] = (float) rng.nextGaussian();
        }
        CouplingTarget t = new ExactCoupling(new JonkerVolgenant(), coords).couple(y, x, n);
        Corrector.Inputs in = c.inputs(m, y, n, 60, Frame.identity(dim));
        NDArray targets = m.create(t.targets(), new Shape(n, dim));
        DpSteps run = new DpSteps(state, c, dp.beta());
        for (int s = 0; s < warmup; s++) {
          run.run(in, targets, 1e-4);
        }
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
          run.run(in, targets, 1e-4);
        }
        double sec = (System.nanoTime() - t0) * 1e-9;
        return new Row("corrector steps", n, 0, false, steps, steps / sec, 0, 0, 1e3 * sec / steps);
      }
    }
  }

  /** The whole loop for {@code steps} Adam steps at batch n and refresh k (validation off). */
  public Row loop(int n, int k, boolean overlap, int steps) {
    Path tmp = temporary();
    InMemoryTrainingData data = sameLaw(dim, 2);
    new MeanFlowTrainer(model, meanflow.withSteps(1, 1), training, 7, null).train(data, tmp.resolve("meanflow"), "b");
    DpConfig c = dp.with(steps, n, k).withCadence(Integer.MAX_VALUE, 0, Integer.MAX_VALUE)
        .withMethod(dp.coupling(), dp.sinkhornEps(), dp.beta(), dp.frame(), overlap).withValidation(0.0, 0);
    try (Generator prior = new MeanFlowGenerator(MeanFlowModel.load(tmp.resolve("meanflow"), ai.djl.Device.cpu()), 1,
        meanflow.noiseScale())) {
      DpResult r = new DeepParticleTrainer(c, model, training, 11, null).train(prior, data, tmp.resolve("dp"), "b");
      DpTimes t = r.times();
      return new Row(overlap ? "loop, overlapped coupling" : "loop", n, k, overlap, t.steps(), t.stepsPerSecond(),
          1e3 * t.generatorSeconds() / t.rounds(), 1e3 * t.couplingSeconds() / t.rounds(),
          1e3 * t.gradientSeconds() / t.steps());
    }
  }

  /**
   * Particles/s of the one-step MeanFlow sampler alone and of MeanFlow + DP corrector, best of {@code repeats}, with
   * the networks on PyTorch and on the vector engine.
   */
  public record SamplingRate(int particles, int threads, double meanflowPerSecond, double correctedPerSecond,
      double meanflowVectorPerSecond, double correctedVectorPerSecond) {}

  /**
   * Sampling throughput: the four samplers (MeanFlow, MeanFlow + DP; PyTorch, vector engine) draw {@code particles}
   * at one sigma in turn, {@code repeats} times after a warm-up draw; the models are trained briefly (the rate does
   * not depend on the weights). Both engines run on the training config's threads.
   */
  public SamplingRate sampling(int particles, int repeats) {
    Path tmp = temporary();
    InMemoryTrainingData data = sameLaw(dim, 3);
    new MeanFlowTrainer(model, meanflow.withSteps(1, 1), training, 7, null).train(data, tmp.resolve("meanflow"), "s");
    DpConfig c = dp.with(2, Math.min(dp.batchSize(), 200), 1).withCadence(Integer.MAX_VALUE, 0, Integer.MAX_VALUE)
        .withValidation(0.0, 0);
    ai.djl.Device device = Devices.configure(training);
    try (Generator prior = new MeanFlowGenerator(MeanFlowModel.load(tmp.resolve("meanflow"), device), 1,
        meanflow.noiseScale())) {
      new DeepParticleTrainer(c, model, training, 11, null).train(prior, data, tmp.resolve("dp"), "s");
    }
    double sigma = data.sigmas()[0];
    List<Generator> samplers = new ArrayList<>();
    try {
      for (SamplingEngine engine : SamplingEngine.values()) {
        samplers.add(meanflowOn(tmp, device, engine));
        samplers.add(new CorrectedGenerator(meanflowOn(tmp, device, engine),
            CorrectorModel.load(tmp.resolve("dp"), device), TrustFade.FULL, engine, training.threads()));
      }
      double[] best = new double[samplers.size()];
      java.util.Arrays.fill(best, Double.MAX_VALUE);
      for (int r = -1; r < repeats; r++) {
        for (int i = 0; i < samplers.size(); i++) {
          long t0 = System.nanoTime();
          samplers.get(i).generate(sigma, r < 0 ? Generator.BLOCK : particles, 2 + r);
          if (r >= 0) {
            best[i] = Math.min(best[i], (System.nanoTime() - t0) * 1e-9);
          }
        }
      }
      return new SamplingRate(particles, training.threads(), particles / best[0], particles / best[1],
          particles / best[2], particles / best[3]);
    } finally {
      for (Generator g : samplers) {
        g.close();
      }
    }
  }

  private MeanFlowGenerator meanflowOn(Path tmp, ai.djl.Device device, SamplingEngine engine) {
    return new MeanFlowGenerator(MeanFlowModel.load(tmp.resolve("meanflow"), device), 1, meanflow.noiseScale(), engine,
        training.threads());
  }

  private static Path temporary() {
    try {
      return Files.createTempDirectory("twostep-bench-dp");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
