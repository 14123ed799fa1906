package org.twostep.simulation.ks;

/** Counts particles outside the physical regime: a NaN/Inf coordinate, or farther than a radius from the origin. */
public final class BlowupCheck {
  private BlowupCheck() {}

  /** The number of particles with a non-finite coordinate or |x| > radius. */
  public static int count(double[][] x, double radius) {
    int n = x[0].length;
    double r2 = radius * radius;
    int bad = 0;
    for (int p = 0; p < n; p++) {
      double s = 0;
      for (double[] axis : x) {
        s += axis[p] * axis[p];
      }
      if (!(s <= r2)) { // NaN and Inf fail this test too
        bad++;
      }
    }
    return bad;
  }
}
