package org.twostep.training.meanflow;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.TrainingData;
import org.twostep.training.nn.NetSpec;
import org.twostep.training.nn.TimeEmbedding;

/** Timing hooks into the training step for the benchmark (kept here because the step is package-private). */
public final class StepProbe {
  private StepProbe() {}

  /** Mean seconds per step in each phase, steps/s of the MeanFlow step and of a plain flow-matching step. */
  public record Timing(double stepsPerSecond, double batch, double forward, double tangent, double backward,
      double optimizer, double plainStepsPerSecond, int threads) {}

  public static Timing measure(ModelConfig model, MeanFlowConfig c, TrainingConfig training, TrainingData data,
      int warmup, int steps) {
    Device device = Devices.configure(training);
    SigmaFeatures f = SigmaFeatures.over(data.sigmas(), model.sigmaFeatures(), model.transform(),
        TimeEmbedding.geometric(model.timeFrequencies(), model.timeFreqMin(), model.timeFreqMax()));
    NetSpec spec = NetSpec.of(model, data.dim(), f.count());
    try (NDManager root = NDManager.newBaseManager(device);
        TrainState state = TrainState.fresh(root, spec, c, model.headGain(), 1)) {
      BatchBuilder batches = new BatchBuilder(data, data.statistics(), f, c, 1);
      MeanFlowStep step = new MeanFlowStep(state, batches, c);
      PhaseClock clock = new PhaseClock();
      for (int k = 0; k < warmup; k++) {
        step.run(k, 1e-4, clock);
      }
      clock.reset();
      long t0 = System.nanoTime();
      for (int k = 0; k < steps; k++) {
        step.run(warmup + k, 1e-4, clock);
      }
      double total = (System.nanoTime() - t0) * 1e-9;
      double forward = forwardSeconds(state, batches, warmup, steps);
      double plain = plainStepsPerSecond(state, batches, warmup, steps);
      double dual = clock.seconds(PhaseClock.DUAL) / steps;
      return new Timing(steps / total, clock.seconds(PhaseClock.BATCH) / steps, forward, dual - forward,
          clock.seconds(PhaseClock.BACKWARD) / steps, clock.seconds(PhaseClock.OPTIMIZER) / steps, plain,
          JniUtils.getNumThreads());
    }
  }

  /** Mean seconds of the primal forward pass alone, recorded by autograd as in training. */
  private static double forwardSeconds(TrainState state, BatchBuilder batches, int first, int steps) {
    long nanos = 0;
    for (int k = 0; k < steps; k++) {
      try (NDManager sub = state.manager().newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        BatchBuilder.Batch b = batches.build(sub, first + k);
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
          long t = System.nanoTime();
          state.net().forward(b.zs(), b.tau());
          nanos += System.nanoTime() - t;
        }
      }
    }
    return nanos * 1e-9 / steps;
  }

  /** A flow-matching step (forward, loss, backward, Adam, EMA) without the tangent pass. */
  private static double plainStepsPerSecond(TrainState state, BatchBuilder batches, int first, int steps) {
    long t0 = System.nanoTime();
    for (int k = 0; k < steps; k++) {
      try (NDManager sub = state.manager().newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        BatchBuilder.Batch b = batches.build(sub, first + k);
        NDArray loss;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
          loss = state.net().forward(b.zs(), b.tau()).sub(b.v()).square().sum(new int[] {1}).mean();
          gc.backward(loss);
        }
        state.adam().update(1e-4);
        state.ema().update(state.updates());
        loss.getFloat();
      }
    }
    return steps / ((System.nanoTime() - t0) * 1e-9);
  }

  /** One-step generation particles/s of a briefly trained model. */
  public static double generationRate(ModelConfig model, MeanFlowConfig c, TrainingConfig training,
      TrainingData data, int particles) {
    try {
      Path dir = Files.createTempDirectory("twostep-bench-model");
      try {
        new MeanFlowTrainer(model, c.withSteps(10, 10), training, 1, null).train(data, dir, "bench");
        try (MeanFlowGenerator g = new MeanFlowGenerator(MeanFlowModel.load(dir, Devices.configure(training)), 1,
            c.noiseScale())) {
          g.generate(20.0, Math.min(particles, 20000), 1); // warm-up
          long t0 = System.nanoTime();
          g.generate(20.0, particles, 2);
          return particles / ((System.nanoTime() - t0) * 1e-9);
        }
      } finally {
        try (var s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
