package org.twostep.training.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The IMM MMD term (SPEC §4) is exactly zero for identical groups, positive for different ones, matches a direct
 * double-precision evaluation of the V-statistic, and does not depend on the order of samples inside a group.
 */
class MmdTest {

  private static float[] random(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return v;
  }

  private static double direct(float[] a, float[] b, int g, int m, int d, double w) {
    double aa = 0;
    double bb = 0;
    double ab = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        aa += k(a, i, a, j, g, m, d, w);
        bb += k(b, i, b, j, g, m, d, w);
        ab += k(a, i, b, j, g, m, d, w);
      }
    }
    return (aa + bb - 2 * ab) / (m * m);
  }

  private static double k(float[] p, int i, float[] q, int j, int g, int m, int d, double w) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      double e = p[(g * m + i) * d + c] - q[(g * m + j) * d + c];
      s += e * e;
    }
    return Math.exp(-Math.sqrt(s) / w);
  }

  @Test
  void zeroForIdenticalGroupsPositiveOtherwise() {
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      int groups = 3;
      int size = 4;
      int d = 3;
      float[] a = random(groups * size * d, 1);
      float[] b = a.clone();
      // group 1 differs from a, group 2 is a permutation of a's samples (same set)
      float[] other = random(size * d, 2);
      System.arraycopy(other, 0, b, size * d, size * d);
      for (int c = 0; c < d; c++) {
        float t = b[(2 * size) * d + c];
        b[(2 * size) * d + c] = b[(2 * size + 3) * d + c];
        b[(2 * size + 3) * d + c] = t;
      }
      float[] widths = {0.7f, 1.3f, 0.5f};
      NDArray mmd = Mmd.squared(m.create(a, new Shape(groups, size, d)), m.create(b, new Shape(groups, size, d)),
          m.create(widths, new Shape(groups, 1, 1)));
      float[] v = mmd.toFloatArray();
      assertEquals(0f, v[0], 0f, "identical group");
      assertTrue(v[1] > 1e-3, "different group " + v[1]);
      assertEquals(0f, v[2], 1e-6f, "same samples in another order");
      assertEquals(direct(a, b, 1, size, d, 1.3), v[1], 1e-5);
    }
  }
}
