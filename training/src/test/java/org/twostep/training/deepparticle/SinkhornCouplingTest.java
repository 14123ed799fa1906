package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.training.data.Standardization;

/**
 * The Sinkhorn variant's loss at step 0 (barycentric targets plus the constant offset) equals the entropic plan's
 * transport cost {@code sum gamma_ij |R_i - x_j|^2}, and that cost falls towards the exact mini-batch W2sq as eps
 * shrinks (from above: the entropic plan is feasible, so its cost is never below the optimum); eps is relative to
 * the largest cost, so eps = 0.001 still blurs by about a tenth of a W2sq of this size.
 */
class SinkhornCouplingTest {
  static final Coordinates PLANE = Coordinates.euclidean(new Standardization(new double[2], new double[] {1, 1}));

  private static double stepZeroLoss(CouplingTarget t, float[] y, int n) {
    try (NDManager m = Fixtures.manager()) {
      CorrectorSpec spec = new CorrectorSpec(2 + 5, 2, 64, 4);
      try (DpState state = DpState.fresh(m, spec, TestConfigs.dp(10, n, 5), 1)) {
        Corrector c = new Corrector(state.net(), PLANE, Fixtures.features(1, 2));
        Corrector.Inputs in = c.inputs(m, y, n, 1.5, Frame.identity(2));
        return new DpSteps(state, c, 0.0).run(in, m.create(t.targets(), new Shape(n, 2)), 1e-3) + t.offset();
      }
    }
  }

  @Test
  void stepZeroLossIsThePlansTransportCost() {
    float[] y = Fixtures.gaussian(200, 2, 1.0, 1);
    float[] x = Fixtures.gaussian(200, 2, 1.3, 2);
    for (double eps : new double[] {0.05, 0.01}) {
      CouplingTarget t = new SinkhornCoupling(PLANE, eps).couple(y, x, 200);
      assertEquals(t.cost(), stepZeroLoss(t, y, 200), 1e-4 * t.cost(), "eps " + eps);
    }
  }

  @Test
  void theEntropicCostApproachesTheExactOneFromAbove() {
    float[] y = Fixtures.gaussian(120, 2, 1.0, 3);
    float[] x = Fixtures.gaussian(120, 2, 1.3, 4);
    double exact = new ExactCoupling(new JonkerVolgenant(), PLANE).couple(y, x, 120).cost();
    double previousGap = Double.POSITIVE_INFINITY;
    for (double eps : new double[] {0.05, 0.01, 0.001}) {
      double gap = new SinkhornCoupling(PLANE, eps).couple(y, x, 120).cost() - exact;
      assertTrue(gap > -1e-9 * exact && gap < previousGap, "eps " + eps + " gap " + gap);
      previousGap = gap;
    }
    assertTrue(previousGap < 0.15 * exact, "gap at eps 0.001: " + previousGap + " of " + exact);
  }
}
