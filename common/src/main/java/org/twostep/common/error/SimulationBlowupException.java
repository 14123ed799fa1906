package org.twostep.common.error;

/** A particle system left its physical regime: NaN/Inf, or particles beyond the blow-up radius. */
public final class SimulationBlowupException extends TwostepException {
  private static final long serialVersionUID = 1L;

  public SimulationBlowupException(String experiment, double sigma, int step, int count, String what) {
    super(String.format(
        "experiment %s, sigma %s: blow-up at step %d, %d particle(s) %s",
        experiment, sigma, step, count, what));
  }
}
