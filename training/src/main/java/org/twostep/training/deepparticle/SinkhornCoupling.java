package org.twostep.training.deepparticle;

import org.twostep.common.error.InvalidConfigException;

/**
 * The Table 3 ablation's coupling (SPEC §3): the entropic plan gamma for eps relative to the largest cost, with
 * targets the barycentric projection {@code b_i = n·sum_j gamma_ij x_j} (so {@code sum_ij gamma_ij |R_i - x_j|^2 =
 * mean_i |R_i - b_i|^2 + const} on Euclidean domains).
 */
final class SinkhornCoupling implements Coupling {
  private final Coordinates coords;
  private final double eps;

  SinkhornCoupling(Coordinates coords, double eps) {
    this.coords = coords;
    this.eps = eps;
  }

  @Override
  public CouplingTarget couple(float[] r, float[] x, int n) {
    throw new InvalidConfigException("dp.coupling", "sinkhorn", "exact (the shared Sinkhorn solver is not in common.ot yet)");
  }
}
