package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

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

  /** Blocks are fixed per target, so one thread and two threads give identical bits. */
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
    assertNotSame(one, two);
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(one[k], two[k], 0.0);
    }
  }
}
