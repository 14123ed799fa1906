package org.twostep.training.deepparticle;

import org.twostep.common.data.Torus;

/**
 * The Stage II ground cost {@code C_ij = |R(y_i) - x_j|^2} (SPEC §3, §5) into a caller-owned row-major buffer, with
 * minimal-image displacements on a torus. Allocation-free: the buffer is reused every refresh.
 */
final class CostMatrix {
  private CostMatrix() {}

  static void fill(double[] cost, float[] r, float[] x, int n, Coordinates coords) {
    int d = coords.dim();
    boolean periodic = coords.periodic();
    for (int i = 0; i < n; i++) {
      int row = i * n;
      int ri = i * d;
      for (int j = 0; j < n; j++) {
        int xj = j * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
          double e = r[ri + k] - x[xj + k];
          if (periodic) {
            e = Torus.minimalImage(e, Coordinates.PERIOD);
          }
          s += e * e;
        }
        cost[row + j] = s;
      }
    }
  }
}
