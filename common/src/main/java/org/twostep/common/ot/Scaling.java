package org.twostep.common.ot;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link Sinkhorn}: scalings alpha, beta on a kernel
 * {@code K_ij = exp((f_i + g_j - C_ij) / eps)} with the potentials f, g absorbed, so that the plan is
 * {@code alpha_i K_ij beta_j}. The kernel lives in the cost matrix's own storage (it replaces C on the first run), so
 * a solve allocates no m x n array: absorbing scalings multiplies the kernel by them, and a smaller eps raises it to
 * the power eps_old / eps (f and g cancel). Entries that underflow to zero stay zero; they are below e^-700 of the
 * row's largest, where rebuilding from C would find them negligible too. f and g hold the result; after the last run
 * the kernel is the plan. Not thread-safe: one per solve.
 */
final class Scaling {
  /** A scaling beyond e^BOUND in either direction is absorbed into the potentials. */
  private static final double BOUND = 30;
  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  private final double[] kernel;
  private final int m;
  private final int n;
  private final double[] a;
  private final double[] b;
  private final double[] f;
  private final double[] g;
  private final double[] alpha;
  private final double[] beta;
  private final double[] kb;
  private final double[] kta;
  /** The eps the kernel is at; NaN while the storage still holds the costs. */
  private double kernelEps = Double.NaN;

  /** @param costs the m x n costs, row-major: overwritten by the kernel */
  Scaling(double[] costs, int m, int n, double[] a, double[] b, double[] f, double[] g) {
    this.kernel = costs;
    this.m = m;
    this.n = n;
    this.a = a;
    this.b = b;
    this.f = f;
    this.g = g;
    this.alpha = new double[m];
    this.beta = new double[n];
    java.util.Arrays.fill(alpha, 1);
    java.util.Arrays.fill(beta, 1);
    this.kb = new double[m];
    this.kta = new double[n];
  }

  /**
   * Up to {@code iterations} relaxed updates at eps; with {@code tolerance >= 0} stops once the l1
   * row-marginal error is within it (checked every 10). Returns the iterations run, negated when the
   * tolerance was not met. On exit the scalings are absorbed into f, g and the kernel, which is then the plan at eps.
   */
  int run(double eps, int iterations, double omega, double tolerance) {
    toEps(eps);
    int it = 0;
    while (it < iterations) {
      multiply(beta, kb);
      // the error after iteration it uses K beta, which this iteration's alpha update needs anyway
      if (tolerance >= 0 && it > 0 && it % 10 == 0 && rowError() <= tolerance) {
        absorb();
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
        absorb();
        recentre(BOUND);
      }
    }
    boolean met = false;
    if (tolerance >= 0) {
      multiply(beta, kb);
      met = rowError() <= tolerance;
    }
    absorb();
    return tolerance >= 0 && !met ? -it : it;
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

  /**
   * f += eps log alpha, g += eps log beta and K_ij *= alpha_i beta_j, for finite positive scalings only (another is
   * dropped); the scalings become 1.
   */
  private void absorb() {
    for (int i = 0; i < m; i++) {
      double x = alpha[i];
      boolean usable = x > 0 && Double.isFinite(x);
      f[i] += usable ? kernelEps * Math.log(x) : 0;
      alpha[i] = usable ? x : 1;
    }
    for (int j = 0; j < n; j++) {
      double x = beta[j];
      boolean usable = x > 0 && Double.isFinite(x);
      g[j] += usable ? kernelEps * Math.log(x) : 0;
      beta[j] = usable ? x : 1;
    }
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double ai = alpha[i];
      for (int j = 0; j < n; j++) {
        kernel[base + j] *= ai * beta[j]; // the product first: alpha_i alone may underflow a row beta restores
      }
    }
    java.util.Arrays.fill(alpha, 1);
    java.util.Arrays.fill(beta, 1);
  }

  /** The kernel at eps: built from the costs on the first run, else raised from its current eps. */
  private void toEps(double eps) {
    if (Double.isNaN(kernelEps)) {
      build(eps);
    } else if (eps != kernelEps) {
      double power = kernelEps / eps;
      recentre(BOUND / power); // so that every row and column keeps an entry of at least e^-BOUND after the power
      for (int k = 0; k < kernel.length; k++) {
        double x = kernel[k];
        kernel[k] = power == 2 ? x * x : Math.pow(x, power); // eps halves while annealing: a square, exact
      }
    }
    kernelEps = eps;
  }

  /** The kernel at eps from f, g and the costs it overwrites. */
  private void build(double eps) {
    double inv = 1 / eps;
    double[] c = kernel;
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
   * Scales each row, then each column, whose largest entry is below e^-bound up to 1, moving its potential by as
   * much (at the kernel's eps), as the build's log-sum-exp does for the costs. A row of zeros is left alone.
   */
  private void recentre(double bound) {
    double floor = Math.exp(-bound);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double max = 0;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, kernel[base + j]);
      }
      if (max > 0 && max < floor) {
        f[i] -= kernelEps * Math.log(max);
        double inv = 1 / max;
        for (int j = 0; j < n; j++) {
          kernel[base + j] *= inv;
        }
      }
    }
    double[] colMax = kta; // free until the next product
    java.util.Arrays.fill(colMax, 0);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        colMax[j] = Math.max(colMax[j], kernel[base + j]);
      }
    }
    boolean any = false;
    for (int j = 0; j < n; j++) {
      boolean low = colMax[j] > 0 && colMax[j] < floor;
      g[j] -= low ? kernelEps * Math.log(colMax[j]) : 0;
      colMax[j] = low ? 1 / colMax[j] : 1;
      any |= low;
    }
    if (any) {
      for (int i = 0; i < m; i++) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
          kernel[base + j] *= colMax[j];
        }
      }
    }
  }

  /**
   * out = K x. Four rows at a time, each summed in lanes of the preferred vector width, then across them: the
   * kernel is streamed once per product, and its bandwidth bounds the solve.
   */
  private void multiply(double[] x, double[] out) {
    int i = 0;
    for (; i + 3 < m; i += 4) {
      dot4(x, out, i);
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

  /**
   * Rows i..i+3 of K x. A method of its own, called m / 4 times per product, so the JIT compiles it early; that only
   * trimmed the first solve of a JVM (2.26 -> 2.03 s, one run each on a loaded machine), which stays slower than the
   * next ones while the vector code runs uncompiled.
   */
  private void dot4(double[] x, double[] out, int i) {
    int upper = LANES.loopBound(n);
    int b0 = i * n;
    int b1 = b0 + n;
    int b2 = b1 + n;
    int b3 = b2 + n;
    DoubleVector v0 = DoubleVector.zero(LANES);
    DoubleVector v1 = v0;
    DoubleVector v2 = v0;
    DoubleVector v3 = v0;
    int j = 0;
    for (; j < upper; j += LANES.length()) {
      DoubleVector xj = DoubleVector.fromArray(LANES, x, j);
      v0 = DoubleVector.fromArray(LANES, kernel, b0 + j).fma(xj, v0);
      v1 = DoubleVector.fromArray(LANES, kernel, b1 + j).fma(xj, v1);
      v2 = DoubleVector.fromArray(LANES, kernel, b2 + j).fma(xj, v2);
      v3 = DoubleVector.fromArray(LANES, kernel, b3 + j).fma(xj, v3);
    }
    double s0 = v0.reduceLanes(VectorOperators.ADD);
    double s1 = v1.reduceLanes(VectorOperators.ADD);
    double s2 = v2.reduceLanes(VectorOperators.ADD);
    double s3 = v3.reduceLanes(VectorOperators.ADD);
    for (; j < n; j++) {
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

  /**
   * out = K^T x, adding row after row as the plain loop does (the same bits, lanes being columns), four rows per
   * pass over out so the kernel streams once and out is loaded and stored a quarter as often.
   */
  private void multiplyTransposed(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0);
    int i = 0;
    for (; i + 3 < m; i += 4) {
      axpy4(x, out, i);
    }
    for (; i < m; i++) {
      int base = i * n;
      double xi = x[i];
      for (int j = 0; j < n; j++) {
        out[j] += kernel[base + j] * xi;
      }
    }
  }

  /** out += rows i..i+3 of K times x_i..x_i+3, in row order; a method of its own as {@link #dot4} is. */
  private void axpy4(double[] x, double[] out, int i) {
    int upper = LANES.loopBound(n);
    int b0 = i * n;
    int b1 = b0 + n;
    int b2 = b1 + n;
    int b3 = b2 + n;
    DoubleVector x0 = DoubleVector.broadcast(LANES, x[i]);
    DoubleVector x1 = DoubleVector.broadcast(LANES, x[i + 1]);
    DoubleVector x2 = DoubleVector.broadcast(LANES, x[i + 2]);
    DoubleVector x3 = DoubleVector.broadcast(LANES, x[i + 3]);
    int j = 0;
    for (; j < upper; j += LANES.length()) {
      DoubleVector o = DoubleVector.fromArray(LANES, out, j);
      o = o.add(DoubleVector.fromArray(LANES, kernel, b0 + j).mul(x0));
      o = o.add(DoubleVector.fromArray(LANES, kernel, b1 + j).mul(x1));
      o = o.add(DoubleVector.fromArray(LANES, kernel, b2 + j).mul(x2));
      o = o.add(DoubleVector.fromArray(LANES, kernel, b3 + j).mul(x3));
      o.intoArray(out, j);
    }
    for (; j < n; j++) {
      double o = out[j];
      o += kernel[b0 + j] * x[i];
      o += kernel[b1 + j] * x[i + 1];
      o += kernel[b2 + j] * x[i + 2];
      o += kernel[b3 + j] * x[i + 3];
      out[j] = o;
    }
  }
}
