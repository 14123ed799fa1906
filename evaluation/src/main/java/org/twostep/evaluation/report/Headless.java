package org.twostep.evaluation.report;

/** Plots render without a display: AWT must learn that before it first loads (servers, CI, Spark drivers). */
final class Headless {
  private Headless() {}

  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
