package org.twostep.simulation.kpp;

import java.util.SplittableRandom;

/** The periodic domain [0, L)^d of the KPP system (SPEC §1.2). */
public final class Torus {
  private Torus() {}

  /** x wrapped into [0, L); exact for x already inside, and never returns L itself. */
  public static double wrap(double x, double length) {
    if (x >= 0 && x < length) {
      return x;
    }
    double w = x - length * Math.floor(x / length);
    return w >= length || w < 0 ? 0.0 : w; // x just below 0 can round to exactly L
  }

  /** n points uniform on [0, L)^d, one array per axis (the cold start). */
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
