package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
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

  /** A plan cut off at its iteration cap says so; the assignment always converges. */
  @Test
  void aPlanAtItsIterationCapIsMarkedUnconverged() {
    float[] y = Fixtures.gaussian(80, 2, 1.0, 5);
    float[] x = Fixtures.gaussian(80, 2, 1.3, 6);
    assertTrue(new SinkhornCoupling(PLANE, 0.05).couple(y, x, 80).converged());
    assertFalse(new SinkhornCoupling(PLANE, 0.001, 1).couple(y, x, 80).converged());
    assertTrue(new ExactCoupling(new JonkerVolgenant(), PLANE).couple(y, x, 80).converged());
  }

  /**
   * At eps = 1e-6 of the largest cost the solve cannot meet its tolerance within the cap: the run fails at the first
   * round, naming the key that allows it, unless allowed; then every round is counted as unconverged in the times.
   */
  @Test
  void anUnconvergedSolveFailsTheRunUnlessAllowed(@TempDir Path failing, @TempDir Path allowed) {
    DpConfig sinkhorn = TestConfigs.dp(6, 60, 3).withValidation(0, 0)
        .withMethod(CouplingKind.SINKHORN, 1e-6, 0.0, FrameKind.NONE, false);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> train(sinkhorn, failing));
    assertEquals("dp.allow_unconverged", e.key());
    assertTrue(e.getMessage().contains("round 0"), e.getMessage());
    DpResult r = train(TestConfigs.allowingUnconverged(sinkhorn), allowed);
    assertEquals(2, r.times().rounds());
    assertEquals(2, r.times().unconverged());
    assertEquals(2, r.corrector().times().unconverged(), "the corrector card records the count");
  }

  private static DpResult train(DpConfig c, Path dir) {
    return new DeepParticleTrainer(c, ModelConfig.defaults(SigmaTransform.IDENTITY), Fixtures.CPU, 3, null)
        .train(new NoiseGenerator(2, 0, 1, null), AffineGaussianTest.data(400, 2), dir, "sinkhorn");
  }
}
