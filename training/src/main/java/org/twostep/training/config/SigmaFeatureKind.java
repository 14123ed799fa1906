package org.twostep.training.config;

/** How the scaled sigma feature enters the networks (SPEC §2, {@code model.sigma_features}). */
public enum SigmaFeatureKind {
  /** {@code [s, sin s, cos s, sin 2s, cos 2s]}: extrapolates better than {@link #SINUSOIDAL}. */
  LINEAR,
  /** The same sinusoidal embedding as the time inputs. */
  SINUSOIDAL
}
