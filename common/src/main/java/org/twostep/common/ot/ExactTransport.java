package org.twostep.common.ot;

import java.util.BitSet;
import org.twostep.common.error.InvalidInputException;

/**
 * Exact optimal transport between two weighted point sets of any sizes (the histogram case of
 * SPEC §6; what POT's {@code ot.emd2} computes), by network simplex with column generation: the
 * simplex runs on a sparse set of candidate arcs (each row's {@link #ROW_CANDIDATES} cheapest
 * columns and each column's cheapest row), then every pair of the full matrix is priced with the
 * potentials; arcs with negative reduced cost join and the simplex continues from its basis. When
 * no pair prices out, the potentials are dual feasible for the full problem, so the sparse optimum
 * is the dense optimum (LP duality): exact, not an approximation, with a certificate.
 *
 * <p>Mass totals must agree to 1e-9 relative; b is rescaled onto a's total. Integer masses (counts)
 * keep every flow exact. Stateless and thread-safe.
 */
public final class ExactTransport {
  /** Cheapest columns per row in the first arc set. */
  static final int ROW_CANDIDATES = 8;
  /** Most negative reduced-cost arcs a row may add per pricing round. */
  static final int ADD_PER_ROW = 8;
  /** Reduced costs above -TOLERANCE * (max cost + 1) count as non-negative. */
  static final double TOLERANCE = 1e-11;

  /** Optimal cost and potentials. */
  public TransportPlan solve(double[] a, double[] b, CostRows cost) {
    return solve(a, b, cost, cost);
  }

  /**
   * As {@link #solve(double[], double[], CostRows)}, with the first candidate arcs chosen
   * as the cheapest entries of {@code hint} instead of {@code cost}: a cost under which the optimal
   * plan is local (for example after aligning the clouds' means and spreads). The hint changes the
   * speed only; the result is certified against {@code cost}.
   */
  public TransportPlan solve(double[] a, double[] b, CostRows cost, CostRows hint) {
    return result(simplex(a, b, cost, hint), cost.rows(), cost.cols());
  }

  /** Convenience for a dense row-major m x n cost matrix. */
  public TransportPlan solve(double[] a, double[] b, double[] cost) {
    return solve(a, b, CostRows.dense(cost, a.length, b.length));
  }

  /** The solved simplex, whose arcs hold the optimal plan (what the certificate tests read). */
  NetworkSimplex simplex(double[] a, double[] b, CostRows cost, CostRows hint) {
    int m = cost.rows();
    int n = cost.cols();
    if (hint.rows() != m || hint.cols() != n) {
      throw new IllegalArgumentException("hint is " + hint.rows() + "x" + hint.cols() + ", cost " + m + "x" + n);
    }
    if ((long) m * n > Integer.MAX_VALUE) {
      throw new InvalidInputException("exact transport between " + m + " and " + n + " points has " + (long) m * n
          + " pairs, more than the 2^31 - 1 it can index; use fewer histogram cells or a subsample");
    }
    double[] demand = checkMasses(a, b, m, n);
    double[] row = new double[n];
    double[] hintRow = hint == cost ? row : new double[n];
    BitSet present = new BitSet(m * n);
    double maxCost = 0;
    double[] colMin = new double[n];
    int[] colArg = new int[n];
    double[] colCost = new double[n];
    java.util.Arrays.fill(colMin, Double.POSITIVE_INFINITY);
    int[] pick = new int[ROW_CANDIDATES];
    double[] pickCost = new double[ROW_CANDIDATES];
    int[][] first = new int[m][];
    double[][] firstCost = new double[m][];
    for (int i = 0; i < m; i++) {
      cost.fillRow(i, row);
      for (int j = 0; j < n; j++) {
        double c = row[j];
        if (!Double.isFinite(c)) {
          throw new InvalidInputException("transport cost (" + i + ", " + j + ") is not finite: " + c);
        }
        maxCost = Math.max(maxCost, Math.abs(c));
      }
      if (hintRow != row) {
        hint.fillRow(i, hintRow);
      }
      for (int j = 0; j < n; j++) {
        if (hintRow[j] < colMin[j]) {
          colMin[j] = hintRow[j];
          colArg[j] = i;
          colCost[j] = row[j];
        }
      }
      int k = Smallest.select(hintRow, n, Double.POSITIVE_INFINITY, pick, pickCost);
      first[i] = java.util.Arrays.copyOf(pick, k);
      firstCost[i] = new double[k];
      for (int q = 0; q < k; q++) {
        firstCost[i][q] = row[pick[q]];
      }
    }
    double tol = TOLERANCE * (maxCost + 1);
    NetworkSimplex simplex = new NetworkSimplex(a, demand, maxCost, tol);
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < first[i].length; k++) {
        add(simplex, present, n, i, first[i][k], firstCost[i][k]);
      }
    }
    // LEMON's heuristic initial pivots: each sink's cheapest incoming arc
    int[] seeds = new int[n];
    int seedCount = 0;
    for (int j = 0; j < n; j++) {
      int arc = add(simplex, present, n, colArg[j], j, colCost[j]);
      if (arc >= 0) {
        seeds[seedCount++] = arc;
      }
    }
    simplex.pivotIn(seeds, seedCount);
    while (true) {
      simplex.solve();
      if (priceOut(simplex, cost, present, row, tol, pick, pickCost) == 0) {
        break;
      }
    }
    if (simplex.artificialMass() > 1e-9 * total(a)) {
      throw new IllegalStateException("transport left mass on artificial arcs: " + simplex.artificialMass());
    }
    return simplex;
  }

  private static int add(NetworkSimplex simplex, BitSet present, int n, int i, int j, double c) {
    int key = i * n + j;
    if (present.get(key)) {
      return -1;
    }
    present.set(key);
    return simplex.addArc(i, j, c);
  }

  /** One pricing round over the full matrix; returns the number of arcs added. */
  private static int priceOut(
      NetworkSimplex simplex, CostRows cost, BitSet present, double[] row, double tol, int[] pick, double[] pickCost) {
    int m = cost.rows();
    int n = cost.cols();
    double[] v = new double[n];
    for (int j = 0; j < n; j++) {
      v[j] = simplex.colPotential(j);
    }
    int added = 0;
    for (int i = 0; i < m; i++) {
      cost.fillRow(i, row);
      double u = simplex.rowPotential(i);
      for (int j = 0; j < n; j++) {
        row[j] -= u + v[j];
      }
      int k = Smallest.select(row, n, -tol, pick, pickCost);
      for (int q = 0; q < k; q++) {
        int j = pick[q];
        double c = pickCost[q] + u + v[j];
        if (add(simplex, present, n, i, j, c) >= 0) {
          added++;
        }
      }
    }
    return added;
  }

  private static TransportPlan result(NetworkSimplex simplex, int m, int n) {
    double total = 0;
    int arcs = simplex.arcCount();
    for (int e = 0; e < arcs; e++) {
      double f = simplex.arcFlow(e);
      if (f > 0) {
        total += f * simplex.arcCost(e);
      }
    }
    double[] u = new double[m];
    double[] v = new double[n];
    for (int i = 0; i < m; i++) {
      u[i] = simplex.rowPotential(i);
    }
    for (int j = 0; j < n; j++) {
      v[j] = simplex.colPotential(j);
    }
    return new TransportPlan(total, u, v);
  }

  private static double[] checkMasses(double[] a, double[] b, int m, int n) {
    if (a.length != m || b.length != n) {
      throw new InvalidInputException("masses have " + a.length + " and " + b.length
          + " entries, the cost matrix is " + m + "x" + n);
    }
    if (m == 0 || n == 0) {
      throw new InvalidInputException("transport needs non-empty point sets, found sizes " + m + " and " + n);
    }
    double sa = total(a);
    double sb = total(b);
    if (!(sa > 0) || !(sb > 0) || Double.isInfinite(sa) || Double.isInfinite(sb)) {
      throw new InvalidInputException("masses must be finite, >= 0 and not all zero, found totals " + sa + " and " + sb);
    }
    if (Math.abs(sa - sb) > 1e-9 * Math.max(sa, sb)) {
      throw new InvalidInputException("mass totals differ: " + sa + " and " + sb);
    }
    double[] d = b.clone();
    if (sa != sb) {
      double r = sa / sb;
      for (int j = 0; j < n; j++) {
        d[j] *= r;
      }
    }
    return d;
  }

  private static double total(double[] w) {
    double s = 0;
    for (double x : w) {
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new InvalidInputException("masses must be finite and >= 0, found " + x);
      }
      s += x;
    }
    return s;
  }
}
