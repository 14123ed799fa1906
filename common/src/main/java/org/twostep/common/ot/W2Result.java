package org.twostep.common.ot;

/**
 * A Wasserstein-2 measurement (SPEC §6): {@code w2sq} the optimal transport cost (the LP value),
 * {@code w2} its square root (for the projected metric: the mean of the planes' W2), the support
 * sizes on each side (non-empty cells, or points for the subsample EMD), and the wall time.
 */
public record W2Result(double w2sq, double w2, int cellsA, int cellsB, double seconds) {

  /** A result whose w2 is the square root of w2sq (clipped at 0 against rounding). */
  static W2Result of(double w2sq, int cellsA, int cellsB, long startNanos) {
    double clipped = Math.max(0, w2sq);
    return new W2Result(clipped, Math.sqrt(clipped), cellsA, cellsB, (System.nanoTime() - startNanos) / 1e9);
  }
}
