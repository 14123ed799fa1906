package org.twostep.common.ot;

/**
 * A candidate hint for {@link ExactTransport} between weighted point sets under the squared
 * Euclidean cost: the first set moved by the per-axis affine map that matches the weighted means
 * and standard deviations of the second (the OT map between the diagonal Gaussian fits). Under it
 * the optimal plan of shifted or rescaled clouds is local, so the first candidate arcs already
 * carry most of it and few pricing rounds remain. Speed only: the result is certified on the true cost.
 */
final class AffineHint {
  private AffineHint() {}

  static CostRows of(double[] a, double[] wa, double[] b, double[] wb, int d) {
    double[] ma = new double[d];
    double[] sa = new double[d];
    double[] mb = new double[d];
    double[] sb = new double[d];
    moments(a, wa, d, ma, sa);
    moments(b, wb, d, mb, sb);
    double[] moved = new double[a.length];
    for (int i = 0; i < wa.length; i++) {
      for (int k = 0; k < d; k++) {
        double ratio = sa[k] > 0 && sb[k] > 0 ? sb[k] / sa[k] : 1;
        moved[i * d + k] = mb[k] + (a[i * d + k] - ma[k]) * ratio;
      }
    }
    return CostRows.points(moved, b, d, GroundCost.squaredEuclidean());
  }

  private static void moments(double[] x, double[] w, int d, double[] mean, double[] sd) {
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      total += w[i];
      for (int k = 0; k < d; k++) {
        mean[k] += w[i] * x[i * d + k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= total;
    }
    for (int i = 0; i < w.length; i++) {
      for (int k = 0; k < d; k++) {
        double t = x[i * d + k] - mean[k];
        sd[k] += w[i] * t * t;
      }
    }
    for (int k = 0; k < d; k++) {
      sd[k] = Math.sqrt(sd[k] / total);
    }
  }
}
