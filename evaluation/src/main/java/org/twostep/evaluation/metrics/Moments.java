package org.twostep.evaluation.metrics;

import java.util.Arrays;
import org.twostep.common.data.ParticleCloud;

/**
 * Mean and population covariance of a cloud. Built directly from the points, or from the raw moments
 * {@code E[x]} and {@code E[x_i x_j]} that a distributed summary (Spark's {@code Summarizer}) returns.
 */
public final class Moments {
  private final double[] mean;
  private final double[] covariance;

  private Moments(double[] mean, double[] covariance) {
    this.mean = mean;
    this.covariance = covariance;
  }

  /** The moments of a cloud; two passes (mean first) for accuracy. */
  public static Moments of(ParticleCloud cloud) {
    int d = cloud.dim();
    int n = cloud.size();
    if (n == 0) {
      throw new IllegalArgumentException("the moments of an empty cloud are undefined");
    }
    double[] m = new double[d];
    for (int p = 0; p < n; p++) {
      for (int k = 0; k < d; k++) {
        m[k] += cloud.get(p, k);
      }
    }
    for (int k = 0; k < d; k++) {
      m[k] /= n;
    }
    double[] c = new double[d * d];
    for (int p = 0; p < n; p++) {
      for (int i = 0; i < d; i++) {
        double a = cloud.get(p, i) - m[i];
        for (int j = 0; j < d; j++) {
          c[i * d + j] += a * (cloud.get(p, j) - m[j]);
        }
      }
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= n;
    }
    return new Moments(m, c);
  }

  /**
   * The moments from {@code E[x]} and the upper triangle of {@code E[x x^T]} in row order
   * ({@code (0,0), (0,1), ..., (0,d-1), (1,1), ...}): covariance {@code E[x_i x_j] - E[x_i] E[x_j]}.
   */
  public static Moments ofRaw(double[] mean, double[] secondUpper) {
    int d = mean.length;
    if (secondUpper.length != d * (d + 1) / 2) {
      throw new IllegalArgumentException(secondUpper.length + " second moments for " + d + "D, expected "
          + d * (d + 1) / 2);
    }
    double[] c = new double[d * d];
    int t = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double v = secondUpper[t++] - mean[i] * mean[j];
        c[i * d + j] = v;
        c[j * d + i] = v;
      }
    }
    return new Moments(mean.clone(), c);
  }

  /** The products {@code x_i x_j}, i <= j, of one point in the order {@link #ofRaw} expects. */
  public static double[] upperProducts(double[] x) {
    int d = x.length;
    double[] out = new double[d * (d + 1) / 2];
    int t = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        out[t++] = x[i] * x[j];
      }
    }
    return out;
  }

  public int dim() {
    return mean.length;
  }

  public double mean(int axis) {
    return mean[axis];
  }

  public double covariance(int i, int j) {
    return covariance[i * mean.length + j];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Moments m && Arrays.equals(m.mean, mean) && Arrays.equals(m.covariance, covariance);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(covariance);
  }
}
