package org.twostep.training.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.data.TrainingData;
import org.twostep.training.deepparticle.NoiseGenerator;
import org.twostep.training.generate.Generator;

/**
 * The trend frame on clouds whose moments follow known laws of sigma: a drift linear in sigma and a spread
 * sqrt(a^2 + (b sigma)^2) on the first axis, a constant cloud on the second.
 */
class SigmaTrendTest {
  static final double[] SIGMAS = {20, 40, 80, 120, 160};

  static double mean0(double s) {
    return 0.3 + 0.0155 * s;
  }

  static double sd0(double s) {
    return Math.sqrt(0.2 * 0.2 + Math.pow(0.003 * s, 2));
  }

  /** n Gaussian particles per sigma: axis 0 by the laws above, axis 1 N(-1, 0.5^2). */
  static TrainingData cloud(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TreeMap<Double, float[]> by = new TreeMap<>();
    for (double s : SIGMAS) {
      float[] rows = new float[2 * n];
      for (int i = 0; i < n; i++) {
        rows[2 * i] = (float) (mean0(s) + sd0(s) * rng.nextGaussian());
        rows[2 * i + 1] = (float) (-1 + 0.5 * rng.nextGaussian());
      }
      by.put(s, rows);
    }
    return new InMemoryTrainingData(2, by);
  }

  @Test
  void exactMomentsGiveTheExactLaws() {
    double[][] mean = new double[1][SIGMAS.length];
    double[][] sd = new double[1][SIGMAS.length];
    for (int j = 0; j < SIGMAS.length; j++) {
      mean[0][j] = mean0(SIGMAS[j]);
      sd[0][j] = sd0(SIGMAS[j]);
    }
    SigmaTrend q = SigmaTrend.fit(SIGMAS, mean, sd, ScaleLaw.QUADRATURE);
    for (double s : new double[] {5, 20, 100, 200, 400}) {
      assertEquals(mean0(s), q.mean(0, s), 1e-12, "the drift extrapolates exactly at " + s);
      assertEquals(sd0(s), q.scale(0, s), 1e-12, "the quadrature spread extrapolates exactly at " + s);
    }
    // a straight line through a convex spread under-predicts beyond the grid: why the law is a choice
    SigmaTrend l = SigmaTrend.fit(SIGMAS, mean, sd, ScaleLaw.LINEAR);
    assertTrue(l.scale(0, 300) < sd0(300) - 0.01, "linear " + l.scale(0, 300) + " vs " + sd0(300));
    SigmaTrend c = SigmaTrend.fit(SIGMAS, mean, sd, ScaleLaw.CONSTANT);
    assertEquals(c.scale(0, 20), c.scale(0, 160), 0);
  }

  @Test
  void sampledCloudsLandNearZeroMeanUnitSpreadInTheFrame() {
    TrainingData data = cloud(4000, 7);
    SigmaTrend trend = SigmaTrend.fit(data, ScaleLaw.QUADRATURE);
    FramedTrainingData framed = new FramedTrainingData(data, trend);
    float[] row = new float[2];
    for (int g = 0; g < SIGMAS.length; g++) {
      double[] sum = new double[2];
      double[] sq = new double[2];
      int n = framed.count(g);
      for (int i = 0; i < n; i++) {
        framed.copyRow(g, i, row, 0);
        for (int k = 0; k < 2; k++) {
          sum[k] += row[k];
          sq[k] += row[k] * row[k];
        }
      }
      for (int k = 0; k < 2; k++) {
        double m = sum[k] / n;
        double sd = Math.sqrt(sq[k] / n - m * m);
        // fitted from these very groups: within a few standard errors of (0, 1)
        assertEquals(0, m, 0.1, "mean of axis " + k + " at sigma " + SIGMAS[g]);
        assertEquals(1, sd, 0.1, "spread of axis " + k + " at sigma " + SIGMAS[g]);
      }
    }
    for (double s : new double[] {0, 33, 200}) {
      for (int k = 0; k < 2; k++) {
        double x = 1.2345;
        assertEquals(x, trend.fromFrame(trend.toFrame(x, k, s), k, s), 1e-12, "round trip");
      }
    }
  }

  @Test
  void framedGeneratorMovesAStandardCloudToTheTrendsMoments() {
    SigmaTrend trend = SigmaTrend.fit(cloud(4000, 11), ScaleLaw.QUADRATURE);
    try (Generator g = new FramedGenerator(new NoiseGenerator(2, 0, 1, null), trend)) {
      float[][] x = g.generate(200, 20000, 3);
      double m = 0;
      double sq = 0;
      for (float v : x[0]) {
        m += v / x[0].length;
      }
      for (float v : x[0]) {
        sq += (v - m) * (v - m) / x[0].length;
      }
      assertEquals(mean0(200), m, 0.05, "extrapolated drift at sigma 200");
      assertEquals(sd0(200), Math.sqrt(sq), 0.05, "extrapolated spread at sigma 200");
    }
  }

  @Test
  void piecesOfAFramedCloudAreTheCloud() {
    SigmaTrend trend = SigmaTrend.fit(cloud(500, 13), ScaleLaw.QUADRATURE);
    try (Generator g = new FramedGenerator(new NoiseGenerator(2, 0, 1, null), trend)) {
      float[][] whole = g.generate(120, 1000, 9);
      java.util.Iterator<float[][]> it = g.pieces(120, 1000, 9, 300);
      int at = 0;
      while (it.hasNext()) {
        float[][] p = it.next();
        for (int k = 0; k < 2; k++) {
          assertTrue(java.util.Arrays.equals(java.util.Arrays.copyOfRange(whole[k], at, at + p[k].length), p[k]));
        }
        at += p[0].length;
      }
      assertEquals(1000, at);
    }
  }

  @Test
  void aShrinkingScaleIsHeldAboveItsFloor() {
    double[][] mean = {{0, 0, 0}};
    double[][] sd = {{1.0, 0.6, 0.2}};
    SigmaTrend t = SigmaTrend.fit(new double[] {1, 2, 3}, mean, sd, ScaleLaw.LINEAR);
    assertEquals(0.2 * SigmaTrend.MIN_SCALE_SHARE, t.scale(0, 10), 1e-12);
    assertTrue(Double.isFinite(t.toFrame(1, 0, 10)));
  }

  @Test
  void storesAndReadsBackAndRejectsAForeignFile(@TempDir Path dir) throws Exception {
    SigmaTrend t = SigmaTrend.fit(cloud(500, 5), ScaleLaw.LINEAR);
    assertEquals(null, TrendFile.read(dir));
    TrendFile.write(dir, t);
    assertEquals(t, TrendFile.read(dir));
    Files.writeString(dir.resolve(TrendFile.NAME), "{\"law\": \"cubic\"}");
    assertThrows(InvalidInputException.class, () -> TrendFile.read(dir));
    Files.writeString(dir.resolve(TrendFile.NAME), "not json [");
    assertThrows(InvalidInputException.class, () -> TrendFile.read(dir));
    TrendFile.delete(dir);
    assertEquals(null, TrendFile.read(dir));
  }
}
