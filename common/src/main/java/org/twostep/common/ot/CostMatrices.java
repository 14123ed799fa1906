package org.twostep.common.ot;

/** Dense row-major cost matrices between point clouds, the input of {@link AssignmentSolver}. */
public final class CostMatrices {
  private CostMatrices() {}

  /** {@code C[i][j] = |a_i - b_j|^2} for row-major clouds a (rows) and b (cols) of dimension d. */
  public static double[] squaredEuclidean(double[] a, double[] b, int d) {
    return of(a, b, d, GroundCost.squaredEuclidean());
  }

  /** {@code C[i][j] = ground(a_i, b_j)}. */
  public static double[] of(double[] a, double[] b, int d, GroundCost ground) {
    if (d < 1 || a.length % d != 0 || b.length % d != 0) {
      throw new IllegalArgumentException("coordinate counts " + a.length + ", " + b.length + " do not fit dimension " + d);
    }
    int m = a.length / d;
    int n = b.length / d;
    double[] c = new double[m * n];
    CostRows rows = CostRows.points(a, b, d, ground);
    double[] row = new double[n];
    for (int i = 0; i < m; i++) {
      rows.fillRow(i, row);
      System.arraycopy(row, 0, c, i * n, n);
    }
    return c;
  }
}
