package org.twostep.common.data;

import java.util.SplittableRandom;

/**
 * The periodic domain [0, L)^d (SPEC §1.2 KPP, §3 corrector, §6 torus W2): the one wrap and the one minimal image every
 * torus of the project uses, in double, and the one way to store a wrapped coordinate as float32 without landing on L.
 */
public final class Torus {
  private Torus() {}

  /**
   * x wrapped into [0, L): exact for x already inside and for x within one period of it, and never L itself (a value
   * that rounds up to L is 0, the same point of the torus).
   *
   * @throws IllegalArgumentException for NaN or infinite x, which has no place on the torus
   */
  public static double wrap(double x, double length) {
    if (x >= 0 && x < length) {
      return x;
    }
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("cannot wrap the non-finite coordinate " + x + " onto [0, " + length + ")");
    }
    double w = x - length * Math.floor(x / length);
    return w >= length || w < 0 ? 0.0 : w; // x just below 0 can round to exactly L
  }

  /**
   * x wrapped into [0, L) and rounded to float32, still below L: the float nearest a value just under L can be L or
   * above, which is 0 on the torus. NaN and infinities come back as NaN, for the caller's finiteness check (which knows
   * the model and sigma) to report.
   */
  public static float toFloat(double x, double length) {
    if (!Double.isFinite(x)) {
      return Float.NaN;
    }
    float f = (float) wrap(x, length);
    return f >= length ? 0f : f;
  }

  /**
   * The representative of the difference d in [-L/2, L/2] (the minimal image; +L/2 at the tie), exact for every finite
   * d: its magnitude is {@code min(|d| mod L, L - |d| mod L)} to the last bit. NaN for non-finite d.
   */
  public static double minimalImage(double d, double length) {
    double t = Math.abs(d) < length ? d : d % length; // the remainder is exact
    double half = 0.5 * length;
    if (t > half) {
      return t - length; // exact: t in (L/2, L) (Sterbenz)
    }
    if (t < -half) {
      return t + length;
    }
    return t;
  }

  /** n points uniform on [0, L)^d, one array per axis (the KPP cold start). */
  public static double[][] uniform(int n, int dim, double length, SplittableRandom rng) {
    double[][] x = new double[dim][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        x[k][i] = rng.nextDouble() * length;
      }
    }
    return x;
  }
}
