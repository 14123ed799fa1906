package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.twostep.training.data.Standardization;

/**
 * Before training R is exactly the identity (SPEC §3: zero-initialised head), on Euclidean domains, on tori and in a
 * non-trivial frame, while the hidden layers are not degenerate: a non-zero head moves the points.
 */
class CorrectorIdentityTest {

  private static Coordinates euclidean(int d) {
    double[] mean = new double[d];
    double[] std = new double[d];
    java.util.Arrays.fill(std, 1.0);
    return Coordinates.euclidean(new Standardization(mean, std));
  }

  @Test
  void theUntrainedCorrectorIsExactlyTheIdentity() {
    try (NDManager m = Fixtures.manager()) {
      Corrector c = Fixtures.fresh(m, euclidean(3), Fixtures.features(20, 160), 4, 3);
      float[] y = Fixtures.gaussian(500, 3, 2.0, 1);
      for (double sigma : new double[] {20, 90, 200}) {
        assertArrayEquals(y, c.apply(m, y, 500, sigma, Frame.identity(3)), 0f);
      }
      Frame frame = new Frame(new double[] {0.5, -1, 2}, new double[] {0.3, 2, 1.5});
      assertArrayEquals(y, c.apply(m, y, 500, 50, frame), 0f);
    }
  }

  @Test
  void theUntrainedPeriodicCorrectorIsExactlyTheIdentity() {
    try (NDManager m = Fixtures.manager()) {
      Corrector c = Fixtures.fresh(m, Coordinates.torus(2 * Math.PI, 2), Fixtures.features(0.25, 0.125), 6, 4);
      float[] y = Fixtures.uniform(400, 2, 0, 2 * Math.PI, 2);
      assertArrayEquals(y, c.apply(m, y, 400, 0.2, Frame.identity(2)), 0f);
    }
  }

  @Test
  void theIdentityComesFromTheZeroHeadNotFromDeadHiddenLayers() {
    try (NDManager m = Fixtures.manager()) {
      Corrector c = Fixtures.fresh(m, euclidean(2), Fixtures.features(1, 2), 4, 5);
      NDArray head = c.net().parameters().get(c.net().spec().headIndex());
      head.set(Fixtures.gaussian(2, 64, 0.1, 9));
      float[] y = Fixtures.gaussian(100, 2, 1.0, 6);
      float[] r = c.apply(m, y, 100, 1.5, Frame.identity(2));
      double moved = 0;
      for (int i = 0; i < y.length; i++) {
        moved += Math.abs(r[i] - y[i]);
      }
      assertTrue(moved / y.length > 1e-3, "mean displacement " + moved / y.length);
    }
  }
}
