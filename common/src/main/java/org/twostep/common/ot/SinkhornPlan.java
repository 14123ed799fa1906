package org.twostep.common.ot;

import java.util.Arrays;

/**
 * An entropic transport plan (dense, row-major m x n), its transport cost {@code <P, C>} (without the
 * entropy term), the log-domain potentials f, g with {@code P_ij = exp((f_i + g_j - C_ij) / eps)},
 * the absolute eps used, the iterations run and whether the marginal tolerance was met.
 */
public final class SinkhornPlan {
  private final double[] plan;
  private final double cost;
  private final double[] f;
  private final double[] g;
  private final double eps;
  private final int iterations;
  private final boolean converged;

  /** Takes ownership of {@code plan} (an m x n copy per solve would double the solver's memory). */
  public SinkhornPlan(double[] plan, double cost, double[] f, double[] g, double eps, int iterations, boolean converged) {
    this.plan = plan;
    this.cost = cost;
    this.f = f.clone();
    this.g = g.clone();
    this.eps = eps;
    this.iterations = iterations;
    this.converged = converged;
  }

  /** The plan (a copy), row-major. */
  public double[] plan() {
    return plan.clone();
  }

  /** Entry (i, j) of the plan without copying. */
  public double get(int i, int j) {
    return plan[i * g.length + j];
  }

  /** {@code sum_ij P_ij C_ij}. */
  public double cost() {
    return cost;
  }

  public double[] f() {
    return f.clone();
  }

  public double[] g() {
    return g.clone();
  }

  /** The absolute regularisation (relative eps times the largest cost). */
  public double eps() {
    return eps;
  }

  public int iterations() {
    return iterations;
  }

  public boolean converged() {
    return converged;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SinkhornPlan p
        && Arrays.equals(p.plan, plan)
        && Double.compare(p.cost, cost) == 0
        && Double.compare(p.eps, eps) == 0
        && p.iterations == iterations
        && p.converged == converged;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(plan) + 31 * iterations;
  }

  @Override
  public String toString() {
    return "SinkhornPlan[cost=" + cost + ", eps=" + eps + ", iterations=" + iterations + ", converged=" + converged + "]";
  }
}
