package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BallSamplerTest {

  /** Inside the unit ball, P(|x| < 1/2) = 2^-d, and per-axis variance 1/(d+2), each within 5 standard errors. */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void uniformInTheUnitBall(int dim) {
    int n = 40000;
    double[][] x = BallSampler.sample(n, dim, new SplittableRandom(dim));
    int inner = 0;
    double[] var = new double[dim];
    for (int i = 0; i < n; i++) {
      double r2 = 0;
      for (int k = 0; k < dim; k++) {
        r2 += x[k][i] * x[k][i];
        var[k] += x[k][i] * x[k][i] / n;
      }
      assertTrue(r2 <= 1.0);
      if (r2 < 0.25) {
        inner++;
      }
    }
    double p = Math.pow(0.5, dim);
    assertEquals(p, (double) inner / n, 5 * Math.sqrt(p * (1 - p) / n));
    for (int k = 0; k < dim; k++) {
      // Var(x_k^2) <= E x_k^4 < 1/(d+2): a safe bound on the standard error
      assertEquals(1.0 / (dim + 2), var[k], 5 * Math.sqrt(1.0 / (dim + 2) / n));
    }
  }
}
