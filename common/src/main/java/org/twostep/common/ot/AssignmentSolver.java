package org.twostep.common.ot;

/**
 * Exact linear assignment on a dense square cost matrix (uniform weights, equal sizes): the Stage II
 * coupling of SPEC §3 and §5. With weights 1/n the optimal transport plan is a permutation (Birkhoff),
 * so this is the EMD of two equal-size clouds.
 */
public interface AssignmentSolver {

  /**
   * Solves {@code min_sigma sum_i cost[i*n + sigma(i)]} over permutations.
   *
   * @param cost row-major n x n costs, finite; not modified
   * @param n the size (n >= 1)
   */
  Assignment solve(double[] cost, int n);
}
