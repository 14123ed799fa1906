package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.training.data.Standardization;

/**
 * At step 0 the training loss with the exact coupling equals the exact mini-batch W2sq of the batch, checked against
 * brute force over all permutations (n = 7), on the plane and on the torus (minimal-image cost), and against the
 * solver's cost at n = 400; the value the trainer reports for the round is that same number.
 */
class ExactCouplingLossTest {

  /** min over permutations of mean_i cost(y_i, x_perm(i)). */
  static double bruteForce(float[] y, float[] x, int n, Coordinates coords) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    double[] best = {Double.POSITIVE_INFINITY};
    permute(p, 0, y, x, coords, best);
    return best[0];
  }

  private static void permute(int[] p, int k, float[] y, float[] x, Coordinates coords, double[] best) {
    int n = p.length;
    if (k == n) {
      double s = 0;
      int d = coords.dim();
      for (int i = 0; i < n; i++) {
        for (int a = 0; a < d; a++) {
          double e = coords.displacement(y[i * d + a], x[p[i] * d + a]);
          s += e * e;
        }
      }
      best[0] = Math.min(best[0], s / n);
      return;
    }
    for (int i = k; i < n; i++) {
      int t = p[k];
      p[k] = p[i];
      p[i] = t;
      permute(p, k + 1, y, x, coords, best);
      p[i] = p[k];
      p[k] = t;
    }
  }

  private static double stepZeroLoss(Coordinates coords, float[] y, float[] x, int n, int blocks) {
    try (NDManager m = Fixtures.manager()) {
      DpConfig config = TestConfigs.dp(10, n, 5);
      CorrectorSpec spec = new CorrectorSpec(coords.encodedWidth() + 5, coords.dim(), 64, blocks);
      DpState state = DpState.fresh(m, spec, config, 1);
      Corrector c = new Corrector(state.net(), coords, Fixtures.features(1, 2));
      float[] r = c.apply(m, y, n, 1.5, Frame.identity(coords.dim()));
      CouplingTarget t = new ExactCoupling(new JonkerVolgenant(), coords).couple(r, x, n);
      Corrector.Inputs in = c.inputs(m, y, n, 1.5, Frame.identity(coords.dim()));
      NDArray targets = m.create(t.targets(), new Shape(n, coords.dim()));
      double loss = new DpSteps(state, c, 0.0).run(in, targets, 1e-3);
      assertEquals(t.cost(), loss, 1e-5 * Math.max(1, t.cost()), "loss vs coupled cost");
      state.close();
      return loss;
    }
  }

  @Test
  void stepZeroLossIsTheExactMiniBatchW2OnThePlane() {
    Coordinates plane = Coordinates.euclidean(new Standardization(new double[2], new double[] {1, 1}));
    for (long seed = 0; seed < 4; seed++) {
      float[] y = Fixtures.gaussian(7, 2, 1.0, seed);
      float[] x = Fixtures.gaussian(7, 2, 1.5, 100 + seed);
      double exact = bruteForce(y, x, 7, plane);
      assertEquals(exact, stepZeroLoss(plane, y, x, 7, 4), 1e-5 * exact);
    }
  }

  @Test
  void stepZeroLossIsTheExactMiniBatchW2OnTheTorus() {
    Coordinates torus = Coordinates.torus(2 * Math.PI, 2);
    for (long seed = 0; seed < 4; seed++) {
      float[] y = Fixtures.uniform(7, 2, 0, 2 * Math.PI, seed);
      float[] x = Fixtures.uniform(7, 2, 0, 2 * Math.PI, 50 + seed);
      double exact = bruteForce(y, x, 7, torus);
      assertEquals(exact, stepZeroLoss(torus, y, x, 7, 6), 1e-5 * exact);
    }
  }

  @Test
  void stepZeroLossMatchesTheSolverOnALargeBatch() {
    Coordinates plane = Coordinates.euclidean(new Standardization(new double[3], new double[] {1, 1, 1}));
    float[] y = Fixtures.gaussian(400, 3, 1.0, 8);
    float[] x = Fixtures.gaussian(400, 3, 1.2, 9);
    double[] cost = new double[400 * 400];
    CostMatrix.fill(cost, y, x, 400, plane);
    double exact = new JonkerVolgenant().solve(cost, 400).cost() / 400;
    assertEquals(exact, stepZeroLoss(plane, y, x, 400, 4), 1e-5 * exact);
  }
}
