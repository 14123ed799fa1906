package org.twostep.training.data;

import java.util.Arrays;

/**
 * Per-axis affine standardization {@code (x - mean) / std} of the coordinates (SPEC §2); a zero spread is kept as 1
 * so a degenerate axis passes through unchanged.
 */
public final class Standardization {
  private final double[] mean;
  private final double[] std;

  public Standardization(double[] mean, double[] std) {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("mean and std lengths differ: " + mean.length + " vs " + std.length);
    }
    this.mean = mean.clone();
    this.std = std.clone();
    for (int k = 0; k < std.length; k++) {
      if (!(this.std[k] > 0) || !Double.isFinite(this.std[k])) {
        this.std[k] = 1.0;
      }
    }
  }

  public int dim() {
    return mean.length;
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[] std() {
    return std.clone();
  }

  public double forward(double x, int axis) {
    return (x - mean[axis]) / std[axis];
  }

  public double inverse(double z, int axis) {
    return mean[axis] + std[axis] * z;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardization s && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }
}
