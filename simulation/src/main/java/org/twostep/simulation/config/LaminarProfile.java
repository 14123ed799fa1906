package org.twostep.simulation.config;

import java.util.Arrays;
import org.twostep.common.error.InvalidConfigException;

/** Cross-stream profile f of the laminar KS flow ({@code ks.laminar_profile}, SPEC §1.1) [rec]. */
public enum LaminarProfile {
  /** f = exp(-(y^2 + z^2)). */
  GAUSSIAN("gaussian"),
  /** f = max(0, 1 - (y^2 + z^2)). */
  POISEUILLE("poiseuille");

  private final String key;

  LaminarProfile(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The profile value at squared distance {@code r2} from the axis. */
  public double at(double r2) {
    return this == GAUSSIAN ? Math.exp(-r2) : Math.max(0.0, 1.0 - r2);
  }

  static LaminarProfile of(String key) {
    for (LaminarProfile p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    throw new InvalidConfigException("ks.laminar_profile", key,
        "one of " + Arrays.stream(values()).map(LaminarProfile::key).toList());
  }
}
