package org.twostep.common.ot;

import org.twostep.common.data.Torus;

/**
 * A ground cost between two points of R^d (SPEC §5). Points are read from flat row-major arrays at
 * an offset, so kernels never allocate per pair.
 */
public sealed interface GroundCost permits GroundCost.SquaredEuclidean, GroundCost.Periodic {

  /** The cost between {@code p[pOff .. pOff+d)} and {@code q[qOff .. qOff+d)}. */
  double between(double[] p, int pOff, double[] q, int qOff, int d);

  /** Squared Euclidean distance {@code sum_k (p_k - q_k)^2}: the W2 ground cost. */
  static GroundCost squaredEuclidean() {
    return new SquaredEuclidean();
  }

  /** Squared minimal-image distance on the torus [0, L)^d. */
  static GroundCost periodic(double side) {
    return new Periodic(side);
  }

  /** Squared Euclidean distance. */
  record SquaredEuclidean() implements GroundCost {
    @Override
    public double between(double[] p, int pOff, double[] q, int qOff, int d) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double t = p[pOff + k] - q[qOff + k];
        s += t * t;
      }
      return s;
    }
  }

  /**
   * Periodic cost {@code sum_k min(|dk|, L - |dk|)^2} on a torus of side L per axis (the minimal
   * image). Coordinates may lie outside [0, L): the difference is reduced modulo L first.
   */
  record Periodic(double side) implements GroundCost {
    public Periodic {
      if (!(side > 0) || Double.isInfinite(side)) {
        throw new IllegalArgumentException("torus side must be finite and > 0, found " + side);
      }
    }

    @Override
    public double between(double[] p, int pOff, double[] q, int qOff, int d) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double t = Torus.minimalImage(p[pOff + k] - q[qOff + k], side);
        s += t * t;
      }
      return s;
    }
  }
}
