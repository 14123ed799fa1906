package org.twostep.simulation.config;

import java.util.Arrays;
import java.util.List;
import org.twostep.common.error.InvalidConfigException;

/** The flows of SPEC §1 ({@code experiment.flow}), each with its system and allowed dimensions. */
public enum FlowKind {
  /** KS laminar shear flow, 3D or 4D. */
  LAMINAR("laminar", SystemKind.KS, 3, 4),
  /** KS steady Kolmogorov flow, 3D. */
  KOLMOGOROV("kolmogorov", SystemKind.KS, 3),
  /** KPP time-periodic cellular flow, 2D. */
  CELLULAR("cellular", SystemKind.KPP, 2),
  /** KPP time-dependent Kolmogorov flow, 3D. */
  KOLMOGOROV_TD("kolmogorov_td", SystemKind.KPP, 3);

  private final String key;
  private final SystemKind system;
  private final int[] dims;

  FlowKind(String key, SystemKind system, int... dims) {
    this.key = key;
    this.system = system;
    this.dims = dims;
  }

  public String key() {
    return key;
  }

  public SystemKind system() {
    return system;
  }

  public boolean allows(int dim) {
    return Arrays.stream(dims).anyMatch(d -> d == dim);
  }

  List<Integer> dims() {
    return Arrays.stream(dims).boxed().toList();
  }

  static List<String> keysOf(SystemKind system) {
    return Arrays.stream(values()).filter(f -> f.system == system).map(FlowKind::key).toList();
  }

  static FlowKind of(String key, SystemKind system) {
    for (FlowKind f : values()) {
      if (f.key.equals(key)) {
        if (f.system != system) {
          break;
        }
        return f;
      }
    }
    throw new InvalidConfigException("experiment.flow", key, "a flow of system " + system.key() + " (one of "
        + keysOf(system) + ")");
  }
}
