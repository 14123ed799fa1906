package org.twostep.training.meanflow;

/**
 * Test oracle: squared 2-Wasserstein distance between two equal-size uniform clouds by exact assignment
 * (Hungarian algorithm with potentials, O(n^3)); the optimal assignment is the optimal coupling.
 */
final class ExactW2 {
  private ExactW2() {}

  /** Mean squared distance of the optimal matching between a and b, both [axis][particle]. */
  static double w2sq(double[][] a, double[][] b) {
    int n = a[0].length;
    int d = a.length;
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] p = new int[n + 1];
    int[] way = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[n + 1];
      boolean[] used = new boolean[n + 1];
      java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
      do {
        used[j0] = true;
        int i0 = p[j0];
        int j1 = 0;
        double delta = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= n; j++) {
          if (!used[j]) {
            double c = 0;
            for (int k = 0; k < d; k++) {
              double diff = a[k][i0 - 1] - b[k][j - 1];
              c += diff * diff;
            }
            double cur = c - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= n; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    double total = 0;
    for (int j = 1; j <= n; j++) {
      for (int k = 0; k < d; k++) {
        double diff = a[k][p[j] - 1] - b[k][j - 1];
        total += diff * diff;
      }
    }
    return total / n;
  }
}
