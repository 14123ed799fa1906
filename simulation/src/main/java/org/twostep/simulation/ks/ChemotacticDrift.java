package org.twostep.simulation.ks;

import org.twostep.simulation.parallel.BlockRunner;

/**
 * The chemotactic drift of every particle, {@code chi (M/P) sum_q gradK_delta(X_p - X_q)} with
 * {@code gradK_delta(x) = -C_d x / (|x|^2 + delta^2)^(d/2)} (SPEC §1.1): attraction towards the other particles.
 * Positions are integrated in float64; the O(P^2) sum runs in float32 on a copy ({@link SymmetricPairSum}, each
 * pair once), in fixed tiles so the result does not depend on the thread count. One instance per task (it owns
 * scratch).
 */
public final class ChemotacticDrift {
  private final int dim;
  private final int n;
  private final float delta2;
  private final double scale;
  private final float[][] positions;
  private final float[][] sums;
  private final SymmetricPairSum pairSum;

  /**
   * @param chi chemotactic sensitivity
   * @param mass total mass M
   * @param delta kernel regularisation
   */
  public ChemotacticDrift(int dim, int n, double chi, double mass, double delta) {
    this.dim = dim;
    this.n = n;
    this.delta2 = (float) (delta * delta);
    this.scale = -chi * (mass / n) * greenConstant(dim);
    this.positions = new float[dim][n];
    this.sums = new float[dim][n];
    this.pairSum = new SymmetricPairSum(dim, n);
  }

  /** C_d of the Green's function of -Laplace in R^d: 1/(4 pi) in 3D, 1/(2 pi^2) in 4D. */
  public static double greenConstant(int dim) {
    return switch (dim) {
      case 3 -> 1.0 / (4 * Math.PI);
      case 4 -> 1.0 / (2 * Math.PI * Math.PI);
      default -> throw new IllegalArgumentException("KS runs in 3 or 4 dimensions, found " + dim);
    };
  }

  /** Writes the drift of particle p into {@code out[k][p]}. */
  public void compute(double[][] x, double[][] out, BlockRunner runner) {
    for (int k = 0; k < dim; k++) {
      for (int p = 0; p < n; p++) {
        positions[k][p] = (float) x[k][p];
      }
    }
    pairSum.sum(positions, delta2, runner, sums);
    for (int k = 0; k < dim; k++) {
      for (int p = 0; p < n; p++) {
        out[k][p] = scale * sums[k][p];
      }
    }
  }
}
