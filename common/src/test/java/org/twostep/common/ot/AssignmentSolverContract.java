package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidInputException;

/**
 * The contract every {@link AssignmentSolver} meets (SPEC §5 oracles): brute force over all
 * permutations for n <= 8, LP certificates (a permutation, dual feasibility, zero duality gap) on
 * random and geometric instances up to n = 500, the 1D sorted matching, and typed input errors.
 */
abstract class AssignmentSolverContract {

  abstract AssignmentSolver solver();

  @Test
  void matchesBruteForceOverAllPermutationsUpToEight() {
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + trial % 8;
      double[] c = new double[n * n];
      for (int k = 0; k < c.length; k++) {
        // a third of the instances have small integer costs: many ties
        c[k] = trial % 3 == 0 ? r.nextInt(4) : r.nextDouble() * 10 - 5;
      }
      Assignment a = solver().solve(c, n);
      assertEquals(bruteForce(c, n), a.cost(), 1e-9, "n=" + n + " trial " + trial);
      assertEquals(a.cost(), costOf(c, n, a.rowToCol()), 1e-12, "reported cost is the permutation's cost");
    }
  }

  @Test
  void certifiesOptimalityOnRandomMatricesUpTo500() {
    SplittableRandom r = new SplittableRandom(12);
    for (int n : new int[] {1, 2, 17, 100, 257, 500}) {
      double[] c = new double[n * n];
      for (int k = 0; k < c.length; k++) {
        c[k] = r.nextDouble() * 1000;
      }
      assertCertificate(c, n, solver().solve(c, n));
    }
  }

  @Test
  void certifiesOptimalityInTheBenchmarkRegimes() {
    SplittableRandom r = new SplittableRandom(13);
    int n = 400;
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    double[][] targets = {
      Clouds.nearIdentity(r, x, 3, 0.05),
      Clouds.gaussian(r, n, 1.05, 0.95, 1),
      Clouds.ball(r, n, 2, 0, 0),
    };
    for (double[] y : targets) {
      double[] c = CostMatrices.squaredEuclidean(x, y, 3);
      assertCertificate(c, n, solver().solve(c, n));
    }
  }

  @Test
  void sortsPointsInOneDimension() {
    // in 1D with a convex cost the sorted matching is optimal
    SplittableRandom r = new SplittableRandom(14);
    int n = 300;
    double[] x = Clouds.gaussian(r, n, 1);
    double[] y = Clouds.uniform(r, n, 1);
    Assignment a = solver().solve(CostMatrices.squaredEuclidean(x, y, 1), n);
    double[] xs = x.clone();
    double[] ys = y.clone();
    Arrays.sort(xs);
    Arrays.sort(ys);
    double sorted = 0;
    for (int i = 0; i < n; i++) {
      sorted += (xs[i] - ys[i]) * (xs[i] - ys[i]);
    }
    assertEquals(sorted, a.cost(), 1e-9 * sorted);
  }

  @Test
  void recoversAHiddenPermutation() {
    SplittableRandom r = new SplittableRandom(15);
    int n = 200;
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    int[] perm = Clouds.permutation(r, n);
    double[] y = new double[x.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, i * 3, y, perm[i] * 3, 3);
    }
    Assignment a = solver().solve(CostMatrices.squaredEuclidean(x, y, 3), n);
    assertArrayEquals(perm, a.rowToCol());
    assertEquals(0, a.cost(), 0);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(InvalidInputException.class, () -> solver().solve(new double[3], 2));
    assertThrows(InvalidInputException.class, () -> solver().solve(new double[0], 0));
    assertThrows(InvalidInputException.class, () -> solver().solve(new double[] {0, Double.NaN, 1, 2}, 2));
  }

  static void assertCertificate(double[] c, int n, Assignment a) {
    int[] p = a.rowToCol();
    boolean[] seen = new boolean[n];
    for (int col : p) {
      assertTrue(col >= 0 && col < n && !seen[col], "not a permutation");
      seen[col] = true;
    }
    double[] u = a.u();
    double[] v = a.v();
    double scale = 0;
    for (double x : c) {
      scale = Math.max(scale, Math.abs(x));
    }
    double minReduced = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        minReduced = Math.min(minReduced, c[i * n + j] - u[i] - v[j]);
      }
      assertEquals(0, c[i * n + p[i]] - u[i] - v[p[i]], 1e-12 * Math.max(1, scale), "complementary slackness");
    }
    assertTrue(minReduced >= -1e-12 * Math.max(1, scale), "dual infeasible by " + minReduced);
    double cost = costOf(c, n, p);
    assertEquals(cost, a.cost(), 1e-12 * Math.max(1, Math.abs(cost)));
    assertEquals(cost, a.dualObjective(), 1e-9 * Math.max(1, Math.abs(cost)), "duality gap");
  }

  static double costOf(double[] c, int n, int[] p) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += c[i * n + p[i]];
    }
    return s;
  }

  /** Minimum over all n! permutations (Heap's algorithm). */
  static double bruteForce(double[] c, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    double best = costOf(c, n, p);
    int[] k = new int[n];
    int i = 0;
    while (i < n) {
      if (k[i] < i) {
        int j = i % 2 == 0 ? 0 : k[i];
        int t = p[j];
        p[j] = p[i];
        p[i] = t;
        best = Math.min(best, costOf(c, n, p));
        k[i]++;
        i = 0;
      } else {
        k[i] = 0;
        i++;
      }
    }
    return best;
  }
}
