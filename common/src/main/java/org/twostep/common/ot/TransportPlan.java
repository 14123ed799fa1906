package org.twostep.common.ot;

import java.util.Arrays;

/**
 * The outcome of an optimal transport between weighted point sets: its total {@code cost = sum mass * C} and dual
 * potentials with {@code u[i] + v[j] <= C[i][j]} (equality where mass moves), the optimality certificate. Immutable.
 */
public final class TransportPlan {
  private final double cost;
  private final double[] u;
  private final double[] v;

  public TransportPlan(double cost, double[] u, double[] v) {
    this.cost = cost;
    this.u = u.clone();
    this.v = v.clone();
  }

  /** The optimal value {@code sum_ij P_ij C_ij} in the units of the input masses. */
  public double cost() {
    return cost;
  }

  public double[] u() {
    return u.clone();
  }

  public double[] v() {
    return v.clone();
  }

  /** The dual value {@code sum a_i u_i + sum b_j v_j}; equals the cost at optimum. */
  public double dualObjective(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * u[i];
    }
    for (int j = 0; j < b.length; j++) {
      s += b[j] * v[j];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportPlan p
        && Double.compare(p.cost, cost) == 0
        && Arrays.equals(p.u, u)
        && Arrays.equals(p.v, v);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(cost) + Arrays.hashCode(u);
  }

  @Override
  public String toString() {
    return "TransportPlan[cost=" + cost + "]";
  }
}
