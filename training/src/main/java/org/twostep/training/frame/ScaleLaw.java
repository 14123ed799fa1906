package org.twostep.training.frame;

/**
 * {@code frame.scale}: how the per-axis spread follows sigma. {@code constant}: the mean over the training grid;
 * {@code linear}: {@code s = a + b·sigma}; {@code quadrature}: {@code s^2 = a + b·sigma^2} (diffusion plus a
 * shear-stretch that grows with sigma, e.g. {@code sqrt(a^2 + (b sigma)^2)}). Each is a least-squares fit over the
 * training sigma.
 */
public enum ScaleLaw {
  CONSTANT,
  LINEAR,
  QUADRATURE
}
