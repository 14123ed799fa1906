package org.twostep.common.ot;

/**
 * The inner loop of {@link Sinkhorn}: scalings alpha, beta on a kernel
 * {@code K_ij = exp((f_i + g_j - C_ij) / eps)} with the potentials f, g absorbed, so that the plan is
 * {@code alpha_i K_ij beta_j}. Each run starts from a fresh kernel for its eps; f and g hold the
 * result. Not thread-safe: one per solve.
 */
final class Scaling {
  /** A scaling beyond e^BOUND in either direction is absorbed into the potentials. */
  private static final double BOUND = 30;

  private final double[] c;
  private final int m;
  private final int n;
  private final double[] a;
  private final double[] b;
  private final double[] f;
  private final double[] g;
  private final double[] kernel;
  private final double[] alpha;
  private final double[] beta;
  private final double[] kb;
  private final double[] kta;

  Scaling(double[] c, int m, int n, double[] a, double[] b, double[] f, double[] g) {
    this.c = c;
    this.m = m;
    this.n = n;
    this.a = a;
    this.b = b;
    this.f = f;
    this.g = g;
    this.kernel = new double[m * n];
    this.alpha = new double[m];
    this.beta = new double[n];
    this.kb = new double[m];
    this.kta = new double[n];
  }

  /**
   * Up to {@code iterations} relaxed updates at eps; with {@code tolerance >= 0} stops once the l1
   * row-marginal error is within it (checked every 10). Returns the iterations run, negated when the
   * tolerance was not met. The kernel is built on entry only: on exit the scalings are absorbed into f, g
   * and the kernel is left stale (the next run rebuilds it at its own eps; the plan is computed from f, g).
   */
  int run(double eps, int iterations, double omega, double tolerance) {
    absorbAndRebuild(eps);
    int it = 0;
    while (it < iterations) {
      multiply(beta, kb);
      // the error after iteration it uses K beta, which this iteration's alpha update needs anyway
      if (tolerance >= 0 && it > 0 && it % 10 == 0 && rowError() <= tolerance) {
        absorb(eps);
        return it;
      }
      for (int i = 0; i < m; i++) {
        alpha[i] = relax(alpha[i], a[i] / kb[i], omega);
      }
      multiplyTransposed(alpha, kta);
      for (int j = 0; j < n; j++) {
        beta[j] = relax(beta[j], b[j] / kta[j], omega);
      }
      it++;
      if (!stable()) {
        absorbAndRebuild(eps);
      }
    }
    boolean met = false;
    if (tolerance >= 0) {
      multiply(beta, kb);
      met = rowError() <= tolerance;
    }
    absorb(eps);
    return tolerance >= 0 && !met ? -it : it;
  }

  /** The kernel's storage, free once the last run has returned: the solver writes the plan into it. */
  double[] storage() {
    return kernel;
  }

  private static double relax(double old, double fresh, double omega) {
    return omega == 1 ? fresh : Math.pow(old, 1 - omega) * Math.pow(fresh, omega);
  }

  /** Scalings within bounds, finite and positive (a kernel row of underflowed zeros is not). */
  private boolean stable() {
    for (double x : alpha) {
      if (!(x > Math.exp(-BOUND) && x < Math.exp(BOUND))) {
        return false;
      }
    }
    for (double x : beta) {
      if (!(x > Math.exp(-BOUND) && x < Math.exp(BOUND))) {
        return false;
      }
    }
    return true;
  }

  /** The l1 row-marginal error, with kb = K beta current. */
  private double rowError() {
    double err = 0;
    for (int i = 0; i < m; i++) {
      err += Math.abs(alpha[i] * kb[i] - a[i]);
    }
    return err;
  }

  /** f += eps log alpha, g += eps log beta (finite values only), then the kernel at eps. */
  private void absorbAndRebuild(double eps) {
    absorb(eps);
    rebuild(eps);
  }

  /** f += eps log alpha, g += eps log beta (finite values only); the scalings become 1. */
  private void absorb(double eps) {
    for (int i = 0; i < m; i++) {
      double x = alpha[i];
      if (x > 0 && Double.isFinite(x)) {
        f[i] += eps * Math.log(x);
      }
      alpha[i] = 1;
    }
    for (int j = 0; j < n; j++) {
      double x = beta[j];
      if (x > 0 && Double.isFinite(x)) {
        g[j] += eps * Math.log(x);
      }
      beta[j] = 1;
    }
  }

  /** The kernel at eps from f and g. */
  private void rebuild(double eps) {
    double inv = 1 / eps;
    // a row or column whose kernel would underflow entirely is re-centred first (log-sum-exp)
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, (f[i] + g[j] - c[base + j]) * inv);
      }
      if (max < -BOUND) {
        f[i] -= max * eps;
      }
    }
    double[] colMax = kta; // free until the next product
    java.util.Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        colMax[j] = Math.max(colMax[j], (f[i] + g[j] - c[base + j]) * inv);
      }
    }
    for (int j = 0; j < n; j++) {
      if (colMax[j] < -BOUND) {
        g[j] -= colMax[j] * eps;
      }
    }
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        kernel[base + j] = Math.exp((f[i] + g[j] - c[base + j]) * inv);
      }
    }
  }

  /**
   * out = K x. Four rows at a time, each summed in column order as one row alone would be (the same bits),
   * so four independent additions are in flight instead of one.
   */
  private void multiply(double[] x, double[] out) {
    int i = 0;
    for (; i + 3 < m; i += 4) {
      int b0 = i * n;
      int b1 = b0 + n;
      int b2 = b1 + n;
      int b3 = b2 + n;
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int j = 0; j < n; j++) {
        double xj = x[j];
        s0 += kernel[b0 + j] * xj;
        s1 += kernel[b1 + j] * xj;
        s2 += kernel[b2 + j] * xj;
        s3 += kernel[b3 + j] * xj;
      }
      out[i] = s0;
      out[i + 1] = s1;
      out[i + 2] = s2;
      out[i + 3] = s3;
    }
    for (; i < m; i++) {
      int base = i * n;
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += kernel[base + j] * x[j];
      }
      out[i] = s;
    }
  }

  private void multiplyTransposed(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double xi = x[i];
      for (int j = 0; j < n; j++) {
        out[j] += kernel[base + j] * xi;
      }
    }
  }
}
