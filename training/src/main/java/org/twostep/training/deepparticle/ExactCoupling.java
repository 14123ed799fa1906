package org.twostep.training.deepparticle;

import org.twostep.common.ot.Assignment;
import org.twostep.common.ot.AssignmentSolver;

/**
 * The method's coupling (SPEC §3): with uniform weights the EMD plan is a permutation, found exactly by the shared
 * assignment solver; the targets are {@code x_pi(i)}. The cost buffer is kept between calls.
 */
final class ExactCoupling implements Coupling {
  private final AssignmentSolver solver;
  private final Coordinates coords;
  private double[] cost = new double[0];

  ExactCoupling(AssignmentSolver solver, Coordinates coords) {
    this.solver = solver;
    this.coords = coords;
  }

  @Override
  public CouplingTarget couple(float[] r, float[] x, int n) {
    long t0 = System.nanoTime();
    if (cost.length != n * n) {
      cost = new double[n * n];
    }
    CostMatrix.fill(cost, r, x, n, coords);
    Assignment a = solver.solve(cost, n);
    int d = coords.dim();
    float[] targets = new float[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, a.col(i) * d, targets, i * d, d);
    }
    return new CouplingTarget(targets, 0.0, a.cost() / n, (System.nanoTime() - t0) * 1e-9, true);
  }
}
