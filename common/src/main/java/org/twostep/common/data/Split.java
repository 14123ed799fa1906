package org.twostep.common.data;

/**
 * The role of a simulated cloud (SPEC §7 column {@code split}). Each split is its own replica: its own initial
 * cloud and noise, so the test reference is independent of the training data and {@code reference_b} is an
 * independent second reference for the noise floor.
 */
public enum Split {
  TRAIN("train", 0),
  TEST("test", 1),
  REFERENCE_B("reference_b", 2);

  private final String label;
  private final int replica;

  Split(String label, int replica) {
    this.label = label;
    this.replica = replica;
  }

  /** The value of the {@code split} column. */
  public String label() {
    return label;
  }

  /** The replica number that seeds this split's streams. */
  public int replica() {
    return replica;
  }

  public static Split ofLabel(String label) {
    for (Split s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split '" + label + "', expected train, test or reference_b");
  }
}
