package org.twostep.training.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twostep.training.progress.RecordingListener;
import org.twostep.training.config.DeviceChoice;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.data.InMemoryTrainingData;

/**
 * A short IMM run on 2D Gaussians whose mean moves with sigma: the one-step sampler is a single network evaluation,
 * deterministic given the seed, and after training its samples sit at the right mean for each training sigma
 * (within 0.15 where the two targets are 1.0 apart) with a spread within 35% of the target's; a rerun with the same
 * hash is skipped.
 */
class ImmTrainerTest {
  static final double[] SIGMAS = {1.0, 2.0};
  static Path dir;
  static ImmResult result;
  static ImmConfig config;
  static final TrainingConfig CPU = new TrainingConfig(DeviceChoice.CPU, 1, 1);

  static InMemoryTrainingData data() {
    TreeMap<Double, float[]> groups = new TreeMap<>();
    for (double s : SIGMAS) {
      SplittableRandom rng = new SplittableRandom((long) (7 * s));
      float[] rows = new float[2 * 4000];
      for (int i = 0; i < 4000; i++) {
        rows[2 * i] = (float) (s + 0.5 * rng.nextGaussian());
        rows[2 * i + 1] = (float) (-0.5 * s + 0.5 * rng.nextGaussian());
      }
      groups.put(s, rows);
    }
    return new InMemoryTrainingData(2, groups);
  }

  @BeforeAll
  static void train() throws Exception {
    dir = Files.createTempDirectory("imm");
    config = new ImmConfig(1500, 512, 4, 4, 2e-3, 1e-5, 0.9, 0.95, 1e-8, 0.99, 0.5, 0.25, 1500, 1.0);
    result = new ImmTrainer(ModelConfig.defaults(SigmaTransform.IDENTITY), config, CPU, 3, null)
        .train(data(), dir, "imm-test", seen);
  }

  static final RecordingListener seen = new RecordingListener();

  @Test
  void theListenerSeesEveryStepFromZero() {
    assertEquals(1, seen.starts.size());
    assertEquals(0, seen.starts.get(0)[0]);
    assertEquals(config.steps(), seen.starts.get(0)[1]);
    assertEquals(java.util.stream.IntStream.range(0, config.steps()).boxed().toList(), seen.steps);
  }

  @Test
  void theSamplerIsOneEvaluationAndDeterministic() {
    try (ImmGenerator g = ImmGenerator.load(dir, Device.cpu(), 1.0)) {
      float[][] a = g.generate(1.0, 2000, 5);
      assertEquals(1, g.evaluations());
      assertArrayEquals(a[0], g.generate(1.0, 2000, 5)[0], 0f);
      // drawn in pieces of one network block: the same cloud, particle for particle
      float[][] big = g.generate(1.0, 40000, 6);
      java.util.Iterator<float[][]> pieces = g.pieces(1.0, 40000, 6, org.twostep.training.generate.Generator.BLOCK);
      for (int at = 0; pieces.hasNext(); ) {
        float[][] p = pieces.next();
        for (int k = 0; k < p.length; k++) {
          assertArrayEquals(java.util.Arrays.copyOfRange(big[k], at, at + p[k].length), p[k], 0f, "axis " + k);
        }
        at += p[0].length;
      }
    }
  }

  @Test
  void samplesSitAtTheTargetOfEachSigma() {
    try (ImmGenerator g = ImmGenerator.load(dir, Device.cpu(), 1.0)) {
      for (double s : SIGMAS) {
        float[][] x = g.generate(s, 4000, 11);
        double[] target = {s, -0.5 * s};
        for (int k = 0; k < 2; k++) {
          double mean = 0;
          double sq = 0;
          for (float v : x[k]) {
            mean += v;
            sq += v * v;
          }
          mean /= 4000;
          double std = Math.sqrt(sq / 4000 - mean * mean);
          assertEquals(target[k], mean, 0.15, "mean, sigma " + s + " axis " + k);
          assertEquals(0.5, std, 0.175, "std, sigma " + s + " axis " + k);
        }
      }
    }
  }

  @Test
  void aRerunIsSkipped() {
    ImmResult again = new ImmTrainer(ModelConfig.defaults(SigmaTransform.IDENTITY), config, CPU, 3, null)
        .train(data(), dir, "imm-test");
    assertTrue(again.skipped());
    assertTrue(result.card().finished());
  }
}
