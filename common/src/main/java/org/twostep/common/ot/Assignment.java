package org.twostep.common.ot;

import java.util.Arrays;

/**
 * An optimal assignment of an n x n problem: {@code rowToCol[i]} is the column of row i, {@code cost}
 * the total cost {@code sum_i C[i][rowToCol[i]]}, and {@code u, v} dual potentials with
 * {@code u[i] + v[j] <= C[i][j]} for all pairs and equality on the assignment (the optimality
 * certificate). Divide the cost by n for the mean cost of uniform weights 1/n. Immutable: arrays are
 * copied in and out.
 */
public final class Assignment {
  private final int[] rowToCol;
  private final double cost;
  private final double[] u;
  private final double[] v;

  public Assignment(int[] rowToCol, double cost, double[] u, double[] v) {
    this.rowToCol = rowToCol.clone();
    this.cost = cost;
    this.u = u.clone();
    this.v = v.clone();
  }

  public int size() {
    return rowToCol.length;
  }

  /** The column assigned to row i. */
  public int col(int row) {
    return rowToCol[row];
  }

  /** The permutation row -> column (a copy). */
  public int[] rowToCol() {
    return rowToCol.clone();
  }

  /** Total cost {@code sum_i C[i][rowToCol[i]]}. */
  public double cost() {
    return cost;
  }

  /** Row potentials (a copy). */
  public double[] u() {
    return u.clone();
  }

  /** Column potentials (a copy). */
  public double[] v() {
    return v.clone();
  }

  /** The dual objective {@code sum u + sum v}; equals {@link #cost()} at optimum. */
  public double dualObjective() {
    double s = 0;
    for (double x : u) {
      s += x;
    }
    for (double x : v) {
      s += x;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Assignment a
        && Double.compare(a.cost, cost) == 0
        && Arrays.equals(a.rowToCol, rowToCol)
        && Arrays.equals(a.u, u)
        && Arrays.equals(a.v, v);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rowToCol) + Double.hashCode(cost);
  }

  @Override
  public String toString() {
    return "Assignment[n=" + rowToCol.length + ", cost=" + cost + "]";
  }
}
