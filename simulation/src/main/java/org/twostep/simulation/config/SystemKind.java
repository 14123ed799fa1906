package org.twostep.simulation.config;

import java.util.Arrays;
import org.twostep.common.error.InvalidConfigException;

/** The particle systems of SPEC §1 ({@code experiment.system}). */
public enum SystemKind {
  /** Keller-Segel chemotaxis, SPEC §1.1. */
  KS("ks"),
  /** Feynman-Kac particle system for KPP front speeds, SPEC §1.2. */
  KPP("kpp");

  private final String key;

  SystemKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static SystemKind of(String key) {
    for (SystemKind s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new InvalidConfigException("experiment.system", key,
        "one of " + Arrays.stream(values()).map(SystemKind::key).toList());
  }
}
