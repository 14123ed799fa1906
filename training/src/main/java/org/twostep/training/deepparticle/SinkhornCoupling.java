package org.twostep.training.deepparticle;

import org.twostep.common.ot.Sinkhorn;
import org.twostep.common.ot.SinkhornPlan;

/**
 * The Table 3 ablation's coupling (SPEC §3): the entropic plan gamma of the shared log-domain Sinkhorn for eps
 * relative to the largest cost, uniform marginals. The loss {@code sum_ij gamma_ij |R_i - x_j|^2} equals
 * {@code sum_i r_i |R_i - b_i|^2 + sum_ij gamma_ij |x_j - b_i|^2} with {@code b_i} the barycentric projection
 * {@code R_i + sum_j gamma_ij (x_j - R_i) / r_i} and r_i = 1/n the row mass, so the K steps regress on b with the
 * second sum as a constant offset. On a torus the differences are minimal images taken at the solve (exact while R
 * moves less than the distance to the cut locus, which a near-identity corrector does over K steps).
 */
final class SinkhornCoupling implements Coupling {
  /** Iteration cap and l1 marginal tolerance of the solver: tight enough that rows carry mass 1/n to 1e-6. */
  private static final int MAX_ITERATIONS = 20000;
  private static final double TOLERANCE = 1e-6;

  private final Coordinates coords;
  private final double eps;
  private final Sinkhorn solver;
  private double[] cost = new double[0]; // refilled every coupling, so the solve may overwrite it

  SinkhornCoupling(Coordinates coords, double eps) {
    this(coords, eps, MAX_ITERATIONS);
  }

  /** With another iteration cap (a cap too small to converge is how tests reach the unconverged case). */
  SinkhornCoupling(Coordinates coords, double eps, int maxIterations) {
    this.coords = coords;
    this.eps = eps;
    this.solver = new Sinkhorn(maxIterations, TOLERANCE);
  }

  @Override
  public CouplingTarget couple(float[] r, float[] x, int n) {
    long t0 = System.nanoTime();
    if (cost.length != n * n) {
      cost = new double[n * n];
    }
    CostMatrix.fill(cost, r, x, n, coords);
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, 1.0 / n);
    SinkhornPlan plan = solver.solveInPlace(uniform, uniform, cost, eps); // the buffer becomes the plan's
    int d = coords.dim();
    float[] targets = new float[n * d];
    double[] move = new double[d];
    double offset = 0;
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(move, 0);
      double mass = 0;
      for (int j = 0; j < n; j++) {
        double g = plan.get(i, j);
        mass += g;
        for (int k = 0; k < d; k++) {
          move[k] += g * coords.displacement(x[j * d + k], r[i * d + k]);
        }
      }
      double[] b = new double[d];
      for (int k = 0; k < d; k++) {
        b[k] = r[i * d + k] + move[k] / mass;
        targets[i * d + k] = (float) b[k];
      }
      for (int j = 0; j < n; j++) {
        double g = plan.get(i, j);
        double s = 0;
        for (int k = 0; k < d; k++) {
          double e = coords.displacement(x[j * d + k], b[k]);
          s += e * e;
        }
        offset += g * s;
      }
    }
    return new CouplingTarget(targets, offset, plan.cost(), (System.nanoTime() - t0) * 1e-9, plan.converged());
  }
}
