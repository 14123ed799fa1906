package org.twostep.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.meanflow.StepProbe;

/**
 * Training-step throughput of the MeanFlow generator (issue benchmark): steps/s at the given batch sizes, with the
 * time split between batch cutting, forward, tangent, backward and optimizer, and generation particles/s. Data are
 * synthetic (Gaussian, 8 sigma groups of 10000 particles in d dimensions); only the shapes matter.
 */
public final class TrainStepBenchmark {
  private final ModelConfig model;
  private final MeanFlowConfig config;
  private final TrainingConfig training;
  private final int dim;

  public TrainStepBenchmark(ModelConfig model, MeanFlowConfig config, TrainingConfig training, int dim) {
    this.model = model;
    this.config = config;
    this.training = training;
    this.dim = dim;
  }

  /** Measures each batch size over {@code steps} steps after {@code warmup} steps. */
  public Result run(int[] batchSizes, int warmup, int steps, int generateParticles) {
    InMemoryTrainingData data = synthetic(dim, 8, 10000);
    List<Row> rows = new ArrayList<>();
    double particlesPerSecond = 0;
    for (int b : batchSizes) {
      StepProbe.Timing t = StepProbe.measure(model, config.withBatchSize(b), training, data, warmup, steps);
      rows.add(new Row(b, t.stepsPerSecond(), t.batch(), t.forward(), t.tangent(), t.backward(), t.optimizer(),
          t.plainStepsPerSecond(), t.threads()));
    }
    if (generateParticles > 0) {
      particlesPerSecond = StepProbe.generationRate(model, config, training, data, generateParticles);
    }
    return new Result(rows, particlesPerSecond);
  }

  static InMemoryTrainingData synthetic(int dim, int groups, int perGroup) {
    SplittableRandom rng = new SplittableRandom(1);
    TreeMap<Double, float[]> g = new TreeMap<>();
    for (int s = 0; s < groups; s++) {
      float[] rows = new float[perGroup * dim];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (float) (s + rng.nextGaussian());
      }
      g.put(20.0 * (s + 1), rows);
    }
    return new InMemoryTrainingData(dim, g);
  }

  /**
   * One batch size: MeanFlow steps/s and mean seconds per step in each phase; {@code plainStepsPerSecond} is a
   * flow-matching step without the tangent pass, for comparison.
   */
  public record Row(int batch, double stepsPerSecond, double batchSeconds, double forwardSeconds,
      double tangentSeconds, double backwardSeconds, double optimizerSeconds, double plainStepsPerSecond,
      int threads) {}

  /** All rows and the one-step generation rate. */
  public record Result(List<Row> rows, double generatedParticlesPerSecond) {}
}
