package org.twostep.evaluation.warmstart;

import org.twostep.common.error.InvalidConfigException;

/** Where a warm-start run begins (SPEC §6): the uniform cold start, or a generated cloud of that model. */
public enum Start {
  COLD("cold", null),
  MEANFLOW("meanflow", "meanflow"),
  MEANFLOW_DP("meanflow_dp", "meanflow_dp");

  private final String label;
  private final String model;

  Start(String label, String model) {
    this.label = label;
    this.model = model;
  }

  /** The value of the {@code start} column of {@code eigenvalues/}. */
  public String label() {
    return label;
  }

  /** The generated model this start needs, or null for the cold start. */
  public String model() {
    return model;
  }

  public static Start of(String label, String key) {
    for (Start s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new InvalidConfigException(key, label, "one of cold, meanflow, meanflow_dp");
  }
}
