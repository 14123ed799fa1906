package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twostep.simulation.parallel.BlockRunner;

class ChemotacticDriftTest {

  /** Two particles attract: drift chi (M/P) gradK(X_p - X_q) with gradK(x) = -C_3 x/(|x|^2+delta^2)^(3/2). */
  @Test
  void twoParticlesAttractByTheFormula() {
    double chi = 1.5;
    double mass = 200;
    double delta = 0.05;
    double[][] x = {{0.0, 0.5}, {0.0, 0.0}, {0.0, 0.0}};
    double[][] drift = new double[3][2];
    try (BlockRunner r = new BlockRunner(1)) {
      new ChemotacticDrift(3, 2, chi, mass, delta).compute(x, drift, r);
    }
    double expected = chi * (mass / 2) / (4 * Math.PI) * 0.5 / Math.pow(0.25 + delta * delta, 1.5);
    assertEquals(expected, drift[0][0], 1e-6 * expected); // particle 0 pulled towards +x
    assertEquals(-expected, drift[0][1], 1e-6 * expected);
    assertEquals(0.0, drift[1][0], 0);
  }

  @Test
  void greenConstants() {
    assertEquals(1 / (4 * Math.PI), ChemotacticDrift.greenConstant(3), 1e-17);
    assertEquals(1 / (2 * Math.PI * Math.PI), ChemotacticDrift.greenConstant(4), 1e-17);
  }

  /**
   * Rows, chunks and groups are fixed by P, so one thread and two threads give identical bits. The comparison means
   * something only if the work is really split (every group has rows, sources span several chunks) and the drift is
   * not trivially zero: every particle is pulled, and the pulls cancel in sum (the pair kernel is odd).
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void threadCountDoesNotChangeBits(int dim) {
    int n = 2500;
    double[][] x = BallSampler.sample(n, dim, new java.util.SplittableRandom(1));
    double[][] one = new double[dim][n];
    double[][] two = new double[dim][n];
    try (BlockRunner r1 = new BlockRunner(1); BlockRunner r2 = new BlockRunner(2)) {
      new ChemotacticDrift(dim, n, 1, 200, 0.05).compute(x, one, r1);
      new ChemotacticDrift(dim, n, 1, 200, 0.05).compute(x, two, r2);
    }
    assertTrue(n >= 2 * SymmetricPairSum.ROW * SymmetricPairSum.GROUPS && n > 2 * SymmetricPairSum.CHUNK,
        "several rows per group and chunks per row");
    for (int k = 0; k < dim; k++) {
      assertArrayEquals(one[k], two[k], 0.0);
      double sum = 0;
      double scale = 0;
      for (double v : one[k]) {
        assertTrue(v != 0 && Double.isFinite(v), "every particle feels a drift");
        sum += v;
        scale += Math.abs(v);
      }
      assertEquals(0, sum, 1e-5 * scale, "pair forces cancel in sum (to the float32 pair kernel's rounding)");
    }
  }
}
