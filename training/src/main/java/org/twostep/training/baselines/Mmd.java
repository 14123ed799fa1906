package org.twostep.training.baselines;

import ai.djl.ndarray.NDArray;

/**
 * Squared MMD per group with the Laplace kernel {@code k(a, b) = exp(-|a - b| / w)} (SPEC §4): the V-statistic
 * {@code mean k(a_i, a_j) + mean k(b_i, b_j) - 2 mean k(a_i, b_j)}, zero for identical groups and positive otherwise
 * (the Laplace kernel is characteristic). The distance is {@code sqrt(|a - b|^2 + tiny)} so the diagonal has a finite
 * gradient (zero) instead of 0/0.
 */
public final class Mmd {
  private static final float TINY = 1e-12f;

  private Mmd() {}

  /**
   * @param a groups x m x d
   * @param b groups x m x d
   * @param width groups x 1 x 1 kernel widths
   * @return groups squared MMD values
   */
  public static NDArray squared(NDArray a, NDArray b, NDArray width) {
    NDArray aa = kernel(a, a, width).mean(new int[] {2}).mean(new int[] {1});
    NDArray bb = kernel(b, b, width).mean(new int[] {2}).mean(new int[] {1});
    NDArray ab = kernel(a, b, width).mean(new int[] {2}).mean(new int[] {1});
    return aa.add(bb).sub(ab.mul(2f));
  }

  /** k(p_i, q_j) for every pair in a group: groups x m x m. */
  private static NDArray kernel(NDArray p, NDArray q, NDArray width) {
    NDArray diff = p.expandDims(2).sub(q.expandDims(1));
    NDArray dist = diff.square().sum(new int[] {3}).add(TINY).sqrt();
    return dist.div(width).neg().exp();
  }
}
