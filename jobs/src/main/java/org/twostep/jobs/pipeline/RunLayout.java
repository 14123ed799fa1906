package org.twostep.jobs.pipeline;

import java.io.Serializable;

/**
 * Every stage's paths under the run directory {@code --out DIR}. Paths are Hadoop path strings so the same layout
 * works on a local disk and on a cluster file system.
 */
public record RunLayout(String root) implements Serializable {

  public RunLayout {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String particles() {
    return root + "/particles";
  }

  public String generated() {
    return root + "/generated";
  }

  public String models() {
    return root + "/models";
  }

  public String metrics() {
    return root + "/metrics";
  }

  public String eigenvalues() {
    return root + "/eigenvalues";
  }

  public String plots() {
    return root + "/plots";
  }

  public String report() {
    return root + "/report.md";
  }

  /** The hive-style partition directory of one (experiment, sigma_index) under a table. */
  public static String partition(String table, String experiment, int sigmaIndex) {
    return table + "/experiment=" + experiment + "/sigma_index=" + sigmaIndex;
  }
}
