package org.twostep.common.data;

import java.io.Serializable;

/** One simulation task: a cloud of one experiment at one sigma in one split (SPEC §1: one task per (sigma, replica)). */
public record TaskKey(String experiment, int sigmaIndex, double sigma, Split split) implements Serializable {

  public int replica() {
    return split.replica();
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s sigma=%.6g (index %d) %s", experiment, sigma, sigmaIndex, split.label());
  }
}
