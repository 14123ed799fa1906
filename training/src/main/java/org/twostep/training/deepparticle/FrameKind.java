package org.twostep.training.deepparticle;

/**
 * {@code dp.frame} (SPEC §3): {@code none} corrects in the model coordinates; {@code meanflow} in the per-sigma frame
 * of the generator's output, {@code R(y) = y + s·g((y - m)/s, sigma)} with m, s the per-axis mean and std of its
 * samples at sigma (an extrapolation remedy; Euclidean domains only).
 */
public enum FrameKind {
  NONE,
  MEANFLOW
}
