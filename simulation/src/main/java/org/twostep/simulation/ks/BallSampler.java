package org.twostep.simulation.ks;

import java.util.SplittableRandom;

/**
 * Points uniform in the unit ball of R^d (the KS initial cloud, SPEC §1.1 [paper]): a Gaussian direction
 * times radius U^(1/d). A fixed number of draws per point, so the cloud is a pure function of the stream.
 */
public final class BallSampler {
  private BallSampler() {}

  /** n points, as one array per axis. */
  public static double[][] sample(int n, int dim, SplittableRandom rng) {
    double[][] x = new double[dim][n];
    double[] g = new double[dim];
    for (int i = 0; i < n; i++) {
      double norm2 = 0;
      do {
        norm2 = 0;
        for (int k = 0; k < dim; k++) {
          g[k] = rng.nextGaussian();
          norm2 += g[k] * g[k];
        }
      } while (norm2 == 0); // probability zero, but never divide by it
      double scale = Math.pow(rng.nextDouble(), 1.0 / dim) / Math.sqrt(norm2);
      for (int k = 0; k < dim; k++) {
        x[k][i] = g[k] * scale;
      }
    }
    return x;
  }
}
