package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;

/**
 * With the generator replaced by the identity on N(0, I) in 2D and anisotropic near-identity targets
 * N(m(sigma), diag(s(sigma)^2)), the optimal map is affine, {@code T(y) = m + s ∘ y}; the trained corrector must
 * learn it: on the grid points of |y| <= 2 the RMS error to T is below 0.15 and below a fifth of the identity's
 * (0.5-0.8). The run also stores a finished model whose validation W2 fell tenfold, and a second call with the same
 * config hash is skipped.
 *
 * <p>Far from the identity with an isotropic target (e.g. N(0, I) to N(m, 0.25 I)) the corrector matches the law but
 * can learn a rotated push-forward instead of T: the mini-batch W2 loss is zero for every push-forward and only the
 * near-identity start favours the optimal map, so this test stays in the regime the method is built for.
 */
class AffineGaussianTest {
  static final double[] SIGMAS = {1.0, 2.0};
  static Path dir = tmp();

  static Path tmp() {
    try {
      return java.nio.file.Files.createTempDirectory("dp-affine");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
  static DpResult result;
  static DpConfig config;

  static double[] mean(double sigma) {
    return new double[] {0.3 * sigma, -0.2 * sigma};
  }

  static double[] std(double sigma) {
    return new double[] {1 + 0.15 * sigma, 1 - 0.15 * sigma};
  }

  static InMemoryTrainingData data(int perSigma, long seed) {
    TreeMap<Double, float[]> groups = new TreeMap<>();
    for (double s : SIGMAS) {
      SplittableRandom rng = new SplittableRandom(seed + (long) (10 * s));
      float[] rows = new float[2 * perSigma];
      for (int i = 0; i < perSigma; i++) {
        for (int k = 0; k < 2; k++) {
          rows[2 * i + k] = (float) (mean(s)[k] + std(s)[k] * rng.nextGaussian());
        }
      }
      groups.put(s, rows);
    }
    return new InMemoryTrainingData(2, groups);
  }

  @BeforeAll
  static void train() {
    config = TestConfigs.dp(2000, 600, 20).withCadence(500, 0, 1000);
    DeepParticleTrainer trainer = new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.IDENTITY),
        Fixtures.CPU, 17, null);
    result = trainer.train(new NoiseGenerator(2, 0, 1, null), data(5000, 3), dir, "affine");
  }

  private static double rmsToAffine(double sigma) {
    return rms(sigma, false);
  }

  private static double rms(double sigma, boolean identity) {
    int side = 21;
    float[][] grid = new float[2][side * side];
    for (int a = 0; a < side; a++) {
      for (int b = 0; b < side; b++) {
        grid[0][a * side + b] = (float) (-2 + 4.0 * a / (side - 1));
        grid[1][a * side + b] = (float) (-2 + 4.0 * b / (side - 1));
      }
    }
    try (CorrectedGenerator g = new CorrectedGenerator(new FixedGenerator(grid), CorrectorModel.load(dir, Device.cpu()))) {
      float[][] out = g.generate(sigma, side * side, 0);
      double sq = 0;
      int count = 0;
      for (int i = 0; i < side * side; i++) {
        double y0 = grid[0][i];
        double y1 = grid[1][i];
        if (y0 * y0 + y1 * y1 > 4) {
          continue;
        }
        double e0 = (identity ? y0 : out[0][i]) - (mean(sigma)[0] + std(sigma)[0] * y0);
        double e1 = (identity ? y1 : out[1][i]) - (mean(sigma)[1] + std(sigma)[1] * y1);
        sq += e0 * e0 + e1 * e1;
        count++;
      }
      return Math.sqrt(sq / count);
    }
  }

  @Test
  void theCorrectorLearnsTheAffineOptimalMapAtEachTrainingSigma() {
    for (double s : SIGMAS) {
      double rms = rmsToAffine(s);
      double untrained = rms(s, true);
      assertTrue(rms < 0.15 && rms < 0.2 * untrained, "untrained " + untrained + "; "
          + "RMS error to the affine map at sigma " + s + ": " + rms + " " + result.corrector());
    }
  }

  /**
   * dp.trust_width scales the displacement beyond the training range (here [1, 2], one grid step of 1): in range the
   * correction is whole at any width; one step beyond, width 2 gives half of it and width 0 none (the prior itself).
   */
  @Test
  void theTrustWidthFadesTheCorrectionBeyondTheRangeOnly() {
    float[][] grid = {{-1f, 0f, 0.5f, 1.5f}, {0.5f, -0.5f, 1f, 0f}};
    float[][] fullIn = sample(grid, 1.5, TrustFade.FULL);
    float[][] fullOut = sample(grid, 3.0, TrustFade.FULL);
    assertArrayEquals(fullIn[0], sample(grid, 1.5, new TrustFade(0))[0], 0f);
    float[][] none = sample(grid, 3.0, new TrustFade(0));
    assertArrayEquals(grid[0], none[0], 1e-6f, "the prior, up to the round trip through model coordinates");
    assertArrayEquals(grid[1], none[1], 1e-6f);
    float[][] half = sample(grid, 3.0, new TrustFade(2));
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < grid[k].length; i++) {
        assertTrue(Math.abs(fullOut[k][i] - grid[k][i]) > 0.05, "the corrector moves the point");
        assertEquals(grid[k][i] + 0.5 * (fullOut[k][i] - grid[k][i]), half[k][i], 1e-5);
      }
    }
  }

  private static float[][] sample(float[][] grid, double sigma, TrustFade trust) {
    try (CorrectedGenerator g = new CorrectedGenerator(new FixedGenerator(grid), CorrectorModel.load(dir, Device.cpu()),
        trust)) {
      return g.generate(sigma, grid[0].length, 0);
    }
  }

  @Test
  void theRunIsFinishedAndValidationFell() {
    assertTrue(result.card().finished());
    CorrectorCard c = result.corrector();
    assertTrue(c.bestValidation() < 0.1 * c.initialValidation(),
        "validation W2sq " + c.initialValidation() + " -> " + c.bestValidation());
    assertEquals(config.steps(), result.card().stepsDone());
    assertEquals(config.steps() / config.refreshEvery(), c.roundsDone());
  }

  @Test
  void aSecondCallWithTheSameHashIsSkipped() {
    DeepParticleTrainer trainer = new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.IDENTITY),
        Fixtures.CPU, 17, null);
    DpResult again = trainer.train(new NoiseGenerator(2, 0, 1, null), data(5000, 3), dir, "affine");
    assertTrue(again.skipped());
    assertFalse(result.skipped());
  }
}
