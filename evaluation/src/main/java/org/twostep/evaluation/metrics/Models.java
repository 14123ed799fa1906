package org.twostep.evaluation.metrics;

/** Model names the evaluation gives a meaning to (SPEC §7). */
public final class Models {
  /**
   * The noise floor, the distance no model beats in expectation: an independent replica against the test reference,
   * averaged over the floor replicas ({@link FloorReplicas}). Tables written before the replicas hold reference_b's
   * distance under this name.
   */
  public static final String NOISE_FLOOR = "noise_floor";
  /** One floor replica's row: {@code noise_floor_b}, {@code noise_floor_c}, ... (reference_b, reference_c, ...). */
  public static final String NOISE_FLOOR_REPLICA = "noise_floor_";
  public static final String MEANFLOW = "meanflow";
  public static final String MEANFLOW_DP = "meanflow_dp";

  private Models() {}

  /** The model name of one floor replica's row, from the split label ({@code reference_c -> noise_floor_c}). */
  public static String floorReplica(String splitLabel) {
    return NOISE_FLOOR_REPLICA + splitLabel.substring(splitLabel.lastIndexOf('_') + 1);
  }

  public static boolean isFloorReplica(String model) {
    return model.startsWith(NOISE_FLOOR_REPLICA);
  }
}
