package org.twostep.common.ot;

import java.util.SplittableRandom;

/** Seeded test clouds (row-major): the benchmark regimes in miniature. */
final class Clouds {
  private Clouds() {}

  static double[] gaussian(SplittableRandom r, int n, double... sd) {
    int d = sd.length;
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[i * d + k] = sd[k] * normal(r);
      }
    }
    return x;
  }

  static double[] uniform(SplittableRandom r, int n, int d) {
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble();
    }
    return x;
  }

  /** Uniform in the unit ball centred at c. */
  static double[] ball(SplittableRandom r, int n, double... c) {
    int d = c.length;
    double[] x = new double[n * d];
    double[] p = new double[d];
    for (int i = 0; i < n; i++) {
      double s;
      do {
        s = 0;
        for (int k = 0; k < d; k++) {
          p[k] = 2 * r.nextDouble() - 1;
          s += p[k] * p[k];
        }
      } while (s > 1);
      for (int k = 0; k < d; k++) {
        x[i * d + k] = c[k] + p[k];
      }
    }
    return x;
  }

  /** y_{perm(i)} = x_i + N(0, noise^2): the near-identity regime with shuffled rows. */
  static double[] nearIdentity(SplittableRandom r, double[] x, int d, double noise) {
    int n = x.length / d;
    int[] perm = permutation(r, n);
    double[] y = new double[x.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        y[perm[i] * d + k] = x[i * d + k] + noise * normal(r);
      }
    }
    return y;
  }

  static int[] permutation(SplittableRandom r, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static double normal(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
