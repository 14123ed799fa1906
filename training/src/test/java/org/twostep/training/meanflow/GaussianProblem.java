package org.twostep.training.meanflow;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.twostep.training.data.InMemoryTrainingData;

/**
 * The analytic test problem: at sigma the target is a 2D Gaussian with mean (sigma, 1 - sigma/2) and independent
 * axes of standard deviation 0.3 + 0.2·sigma and 0.6 - 0.1·sigma, so both location and spread move with sigma.
 */
final class GaussianProblem {
  private GaussianProblem() {}

  static double[] mean(double sigma) {
    return new double[] {sigma, 1 - sigma / 2};
  }

  static double[] std(double sigma) {
    return new double[] {0.3 + 0.2 * sigma, 0.6 - 0.1 * sigma};
  }

  /** n exact draws at sigma, [axis][particle]. */
  static double[][] sample(double sigma, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] m = mean(sigma);
    double[] s = std(sigma);
    double[][] x = new double[2][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 2; k++) {
        x[k][i] = m[k] + s[k] * rng.nextGaussian();
      }
    }
    return x;
  }

  /** Training data: {@code perSigma} draws at each sigma. */
  static InMemoryTrainingData data(double[] sigmas, int perSigma, long seed) {
    TreeMap<Double, float[]> groups = new TreeMap<>();
    for (int g = 0; g < sigmas.length; g++) {
      double[][] x = sample(sigmas[g], perSigma, seed + g);
      float[] rows = new float[2 * perSigma];
      for (int i = 0; i < perSigma; i++) {
        rows[2 * i] = (float) x[0][i];
        rows[2 * i + 1] = (float) x[1][i];
      }
      groups.put(sigmas[g], rows);
    }
    return new InMemoryTrainingData(2, groups);
  }

  static double[][] widen(float[][] f) {
    double[][] d = new double[f.length][];
    for (int k = 0; k < f.length; k++) {
      d[k] = new double[f[k].length];
      for (int i = 0; i < f[k].length; i++) {
        d[k][i] = f[k][i];
      }
    }
    return d;
  }
}
