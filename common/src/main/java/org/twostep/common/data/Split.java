package org.twostep.common.data;

/**
 * The role of a simulated cloud (SPEC §7 column {@code split}). Each split is its own replica: its own initial
 * cloud and noise, so the test reference is independent of the training data, and {@code reference_b},
 * {@code reference_c}, {@code reference_d} are independent further references: the noise floor is their distance from
 * the test reference, averaged over them (one replica's floor is itself noisy).
 */
public enum Split {
  TRAIN("train", 0),
  TEST("test", 1),
  REFERENCE_B("reference_b", 2),
  // replica 3 is the KPP warm-start study's
  REFERENCE_C("reference_c", 4),
  REFERENCE_D("reference_d", 5);

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

  /** The independent references a noise floor is measured with, in order; {@code count} of them (1 to 3). */
  public static java.util.List<Split> floorReferences(int count) {
    java.util.List<Split> all = java.util.List.of(REFERENCE_B, REFERENCE_C, REFERENCE_D);
    if (count < 1 || count > all.size()) {
      throw new IllegalArgumentException("floor replicas must be 1 to " + all.size() + ", found " + count);
    }
    return all.subList(0, count);
  }

  public static Split ofLabel(String label) {
    for (Split s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split '" + label + "', expected train, test, reference_b, reference_c or reference_d");
  }
}
