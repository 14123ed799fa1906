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
 * The covariance frame on 3D clouds stretched along the diagonal (1, 1, 1) by a length that grows with sigma, the
 * shape of the Kolmogorov-flow clouds that a per-axis scale cannot make round.
 */
class CovarianceFrameTest {
  static final double[] SIGMAS = {20, 60, 100, 140};

  /** n particles per sigma: centre (s/100, 0, -1), thickness 0.1 across the diagonal, length s/40 along it. */
  static TrainingData diagonal(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TreeMap<Double, float[]> by = new TreeMap<>();
    double u = 1 / Math.sqrt(3);
    for (double s : SIGMAS) {
      float[] rows = new float[3 * n];
      for (int i = 0; i < n; i++) {
        double along = s / 40 * rng.nextGaussian();
        double[] c = {s / 100, 0, -1};
        for (int k = 0; k < 3; k++) {
          rows[3 * i + k] = (float) (c[k] + along * u + 0.1 * rng.nextGaussian());
        }
      }
      by.put(s, rows);
    }
    return new InMemoryTrainingData(3, by);
  }

  /** Mean and covariance of group g as seen through {@code data}. */
  static double[][] moments(TrainingData data, int g) {
    int d = data.dim();
    int n = data.count(g);
    double[] m = new double[d];
    double[][] cov = new double[d][d];
    float[] row = new float[d];
    for (int i = 0; i < n; i++) {
      data.copyRow(g, i, row, 0);
      for (int k = 0; k < d; k++) {
        m[k] += row[k] / (double) n;
      }
    }
    for (int i = 0; i < n; i++) {
      data.copyRow(g, i, row, 0);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          cov[a][b] += (row[a] - m[a]) * (row[b] - m[b]) / n;
        }
      }
    }
    double[][] out = new double[d + 1][];
    out[0] = m;
    System.arraycopy(cov, 0, out, 1, d);
    return out;
  }

  @Test
  void everyTrainingGroupIsWhiteInTheFrameWhereAPerAxisScaleLeavesItStretched() {
    TrainingData data = diagonal(3000, 3);
    TrainingData framed = new FramedTrainingData(data, CovarianceFrame.fit(data, CovarianceFrame.Beyond.HOLD));
    TrainingData perAxis = new FramedTrainingData(data, SigmaTrend.fit(data, ScaleLaw.QUADRATURE));
    for (int g = 0; g < SIGMAS.length; g++) {
      double[][] w = moments(framed, g);
      for (int a = 0; a < 3; a++) {
        assertEquals(0, w[0][a], 1e-4, "mean of axis " + a + " at sigma " + SIGMAS[g]);
        for (int b = 0; b < 3; b++) {
          // fitted from these very groups: the identity up to float rounding
          assertEquals(a == b ? 1 : 0, w[1 + a][b], 1e-3, "covariance (" + a + ", " + b + ") at " + SIGMAS[g]);
        }
      }
      if (SIGMAS[g] >= 60) {
        assertTrue(moments(perAxis, g)[1][1] > 0.9, "the per-axis frame keeps the axes correlated at " + SIGMAS[g]);
      }
    }
  }

  @Test
  void betweenGroupsTheFrameIsInterpolatedAndBeyondThemHeld() {
    CovarianceFrame f = CovarianceFrame.fit(diagonal(2000, 5), CovarianceFrame.Beyond.HOLD);
    float[][] origin = {{0}, {0}, {0}};
    float[][] at60 = movedOut(f, origin, 60);
    float[][] at100 = movedOut(f, origin, 100);
    float[][] at80 = movedOut(f, origin, 80);
    for (int k = 0; k < 3; k++) {
      assertEquals((at60[k][0] + at100[k][0]) / 2, at80[k][0], 1e-6, "the centre halfway between 60 and 100");
    }
    float[][] top = movedOut(f, origin, 140);
    float[][] beyond = movedOut(f, origin, 400);
    for (int k = 0; k < 3; k++) {
      assertEquals(top[k][0], beyond[k][0], 0, "held at the top group beyond the range");
    }
  }

  @Test
  void aLinearFrameContinuesItsEndSegmentAndKeepsItsPivots() {
    CovarianceFrame f = CovarianceFrame.fit(diagonal(3000, 7), CovarianceFrame.Beyond.LINEAR);
    float[][] probe = {{0, 1}, {0, 0}, {0, 0}};
    float[][] at100 = movedOut(f, probe, 100);
    float[][] at140 = movedOut(f, probe, 140);
    float[][] at180 = movedOut(f, probe, 180);
    for (int k = 0; k < 3; k++) {
      // particle 0 is the frame's centre, particle 1 the centre plus the first column of L
      assertEquals(2 * at140[k][0] - at100[k][0], at180[k][0], 1e-5, "the centre continued on axis " + k);
      assertEquals(2 * at140[k][1] - at100[k][1], at180[k][1], 1e-5, "the factor continued on axis " + k);
    }
    assertTrue(at180[0][1] - at180[0][0] > at140[0][1] - at140[0][0], "the cloud keeps stretching with sigma");
    float[][] far = movedOut(f, probe, -1000); // the bottom segment shrinks: far below, the pivot stops at its share
    float[][] at20 = movedOut(f, probe, 20);
    assertEquals(CovarianceFrame.MIN_PIVOT_KEPT * (at20[0][1] - at20[0][0]), far[0][1] - far[0][0], 1e-5);
  }

  @Test
  void movingInAndOutIsTheIdentityAtAnySigma() {
    CovarianceFrame f = CovarianceFrame.fit(diagonal(1000, 9), CovarianceFrame.Beyond.LINEAR);
    SplittableRandom rng = new SplittableRandom(1);
    for (double s : new double[] {5, 20, 47.5, 100, 123, 300}) {
      float[] row = {(float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian()};
      float[] x = row.clone();
      f.toFrame(row, 0, s);
      float[][] back = {{row[0]}, {row[1]}, {row[2]}};
      f.fromFrame(back, s);
      for (int k = 0; k < 3; k++) {
        assertEquals(x[k], back[k][0], 1e-5, "round trip on axis " + k + " at sigma " + s);
      }
    }
  }

  @Test
  void choleskyReproducesItsMatrixAndSurvivesADegenerateAxis() {
    SplittableRandom rng = new SplittableRandom(2);
    int d = 4;
    double[] b = new double[d * d];
    for (int i = 0; i < b.length; i++) {
      b[i] = rng.nextGaussian();
    }
    double[] a = new double[d * d]; // B B^T + I: symmetric positive definite
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          a[i * d + j] += b[i * d + k] * b[j * d + k];
        }
        a[i * d + j] += i == j ? 1 : 0;
      }
    }
    double[] l = CovarianceFrame.cholesky(a, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += l[i * d + k] * l[j * d + k];
        }
        assertEquals(a[i * d + j], s, 1e-12, "L L^T at (" + i + ", " + j + ")");
        if (j > i) {
          assertEquals(0, l[i * d + j], 0, "upper triangle");
        }
      }
    }
    // a flat axis (every particle at z = 2): its pivot is raised, the frame stays finite and invertible
    double[] flat = {1, 0.5, 0, 0.5, 1, 0, 0, 0, 0};
    double[] lf = CovarianceFrame.cholesky(flat, 3);
    assertTrue(lf[8] > 0 && Double.isFinite(lf[8]));
  }

  @Test
  void aFramedGeneratorDrawsTheGroupsCovariance() {
    TrainingData data = diagonal(3000, 13);
    CovarianceFrame f = CovarianceFrame.fit(data, CovarianceFrame.Beyond.HOLD);
    try (Generator g = new FramedGenerator(new NoiseGenerator(3, 0, 1, null), f)) {
      float[][] x = g.generate(140, 40000, 3);
      double[][] want = moments(data, 3);
      float[] rows = new float[3 * x[0].length];
      for (int i = 0; i < x[0].length; i++) {
        for (int k = 0; k < 3; k++) {
          rows[3 * i + k] = x[k][i];
        }
      }
      TreeMap<Double, float[]> by = new TreeMap<>();
      by.put(140.0, rows);
      double[][] got = moments(new InMemoryTrainingData(3, by), 0);
      for (int a = 0; a < 3; a++) {
        assertEquals(want[0][a], got[0][a], 0.05, "mean of axis " + a);
        for (int b = 0; b < 3; b++) {
          assertEquals(want[1 + a][b], got[1 + a][b], 0.05 * want[1 + a][a], "covariance (" + a + ", " + b + ")");
        }
      }
    }
  }

  @Test
  void storesAndReadsBackBesideTheTrendKind(@TempDir Path dir) throws Exception {
    CovarianceFrame f = CovarianceFrame.fit(diagonal(500, 5), CovarianceFrame.Beyond.HOLD);
    TrendFile.write(dir, f);
    assertEquals(f, TrendFile.read(dir));
    CovarianceFrame linear = CovarianceFrame.fit(diagonal(500, 5), CovarianceFrame.Beyond.LINEAR);
    TrendFile.write(dir, linear);
    assertEquals(linear, TrendFile.read(dir));
    SigmaTrend t = SigmaTrend.fit(diagonal(500, 5), ScaleLaw.LINEAR);
    TrendFile.write(dir, t);
    assertEquals(t, TrendFile.read(dir), "a file without a kind is a trend");
    Files.writeString(dir.resolve(TrendFile.NAME), "{\"kind\": \"covariance\", \"sigmas\": [1, 2]}");
    assertThrows(InvalidInputException.class, () -> TrendFile.read(dir));
  }

  /** A copy of {@code cloud} moved out of the frame at sigma. */
  private static float[][] movedOut(CovarianceFrame f, float[][] cloud, double sigma) {
    float[][] c = java.util.Arrays.stream(cloud).map(float[]::clone).toArray(float[][]::new);
    f.fromFrame(c, sigma);
    return c;
  }
}
