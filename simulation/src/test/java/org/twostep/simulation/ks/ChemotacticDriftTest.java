package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
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
   * Blocks are fixed per target, so one thread and two threads give identical bits. The comparison means something
   * only if the work is really split (16 blocks of targets) and the drift is not trivially zero: every particle is
   * pulled, and the pulls cancel in sum (the pair kernel is odd).
   */
  @Test
  void threadCountDoesNotChangeBits() {
    int n = 1000;
    double[][] x = BallSampler.sample(n, 4, new java.util.SplittableRandom(1));
    double[][] one = new double[4][n];
    double[][] two = new double[4][n];
    try (BlockRunner r1 = new BlockRunner(1); BlockRunner r2 = new BlockRunner(2)) {
      new ChemotacticDrift(4, n, 1, 200, 0.05).compute(x, one, r1);
      new ChemotacticDrift(4, n, 1, 200, 0.05).compute(x, two, r2);
    }
    assertTrue(n >= 4 * ChemotacticDrift.TARGET_BLOCK, "several blocks for two threads to share");
    for (int k = 0; k < 4; k++) {
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
