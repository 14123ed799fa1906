package org.twostep.common.ot.bench;

import java.util.SplittableRandom;

/** The three 3D assignment regimes of the benchmark: source and target clouds of n points each. */
public enum Regime {
  /** Target = source + N(0, 0.05^2) noise, rows shuffled: a trained corrector's coupling. */
  NEAR,
  /** N(0, I) against N(0, diag(1.05^2, 0.95^2, 1)): MeanFlow outputs against fresh reference particles. */
  SAME_LAW,
  /** N(0, I) against the uniform unit ball centred at (2, 0, 0). */
  FAR;

  /** {source, target}, row-major n x 3. */
  double[][] sample(int n, SplittableRandom r) {
    double[] x = new double[3 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    double[] y = new double[3 * n];
    switch (this) {
      case NEAR -> {
        int[] perm = shuffled(n, r);
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < 3; k++) {
            y[3 * perm[i] + k] = x[3 * i + k] + 0.05 * r.nextGaussian();
          }
        }
      }
      case SAME_LAW -> {
        double[] sd = {1.05, 0.95, 1};
        for (int i = 0; i < y.length; i++) {
          y[i] = sd[i % 3] * r.nextGaussian();
        }
      }
      case FAR -> {
        for (int i = 0; i < n; i++) {
          double a;
          double b;
          double c;
          do {
            a = 2 * r.nextDouble() - 1;
            b = 2 * r.nextDouble() - 1;
            c = 2 * r.nextDouble() - 1;
          } while (a * a + b * b + c * c > 1);
          y[3 * i] = 2 + a;
          y[3 * i + 1] = b;
          y[3 * i + 2] = c;
        }
      }
      default -> throw new IllegalStateException();
    }
    return new double[][] {x, y};
  }

  private static int[] shuffled(int n, SplittableRandom r) {
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
}
