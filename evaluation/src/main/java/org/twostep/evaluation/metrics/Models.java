package org.twostep.evaluation.metrics;

/** Model names the evaluation gives a meaning to (SPEC §7). */
public final class Models {
  /** The reference_b cloud measured against the test reference: the floor no model beats in expectation. */
  public static final String NOISE_FLOOR = "noise_floor";
  public static final String MEANFLOW = "meanflow";
  public static final String MEANFLOW_DP = "meanflow_dp";

  private Models() {}
}
