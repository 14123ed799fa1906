package org.twostep.common.error;

/**
 * A computed cloud holds NaN or infinite coordinates: a generator's output or a particle system's state. The message
 * names where (experiment, model or system, sigma, step) so the failure is reported where it arises, not downstream.
 */
public final class NonFiniteException extends TwostepException {
  private static final long serialVersionUID = 1L;

  public NonFiniteException(String message) {
    super(message);
  }
}
