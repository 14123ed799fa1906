package org.twostep.common.ot;

import java.util.Arrays;

/**
 * An optimal transport plan between weighted point sets: its total {@code cost = sum mass * C}, dual
 * potentials with {@code u[i] + v[j] <= C[i][j]} (equality where mass moves) and, when asked for, the
 * non-zero entries of the plan as parallel arrays (source, target, mass). Immutable.
 */
public final class TransportPlan {
  private final double cost;
  private final double[] u;
  private final double[] v;
  private final int[] sources;
  private final int[] targets;
  private final double[] masses;

  public TransportPlan(double cost, double[] u, double[] v, int[] sources, int[] targets, double[] masses) {
    if (sources.length != targets.length || sources.length != masses.length) {
      throw new IllegalArgumentException("plan arrays differ in length");
    }
    this.cost = cost;
    this.u = u.clone();
    this.v = v.clone();
    this.sources = sources.clone();
    this.targets = targets.clone();
    this.masses = masses.clone();
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

  /** Number of non-zero plan entries kept (0 when the plan was not asked for). */
  public int entries() {
    return masses.length;
  }

  public int source(int k) {
    return sources[k];
  }

  public int target(int k) {
    return targets[k];
  }

  public double mass(int k) {
    return masses[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportPlan p
        && Double.compare(p.cost, cost) == 0
        && Arrays.equals(p.u, u)
        && Arrays.equals(p.v, v)
        && Arrays.equals(p.sources, sources)
        && Arrays.equals(p.targets, targets)
        && Arrays.equals(p.masses, masses);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(cost) + Arrays.hashCode(masses);
  }

  @Override
  public String toString() {
    return "TransportPlan[cost=" + cost + ", entries=" + masses.length + "]";
  }
}
