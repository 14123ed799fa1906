package org.twostep.training.frame;

/**
 * A sigma-dependent affine frame the models learn in ({@code frame.kind}): training rows are moved into it at their
 * group's sigma, generated clouds are moved out of it at the sigma asked for.
 */
public interface SigmaFrame {
  int dim();

  /** Moves one particle, {@code row[offset .. offset + dim)}, from physical into frame coordinates, in place. */
  void toFrame(float[] row, int offset, double sigma);

  /** Moves an axis-major cloud ({@code cloud[axis][particle]}) from frame into physical coordinates, in place. */
  void fromFrame(float[][] cloud, double sigma);
}
