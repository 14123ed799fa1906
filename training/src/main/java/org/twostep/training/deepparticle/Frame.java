package org.twostep.training.deepparticle;

/**
 * The per-sigma affine frame the corrector acts in (SPEC §3, {@code dp.frame}): inputs {@code (y - mean)/scale},
 * displacement {@code scale·g}. The identity frame is mean 0, scale 1.
 *
 * @param mean per-axis shift, model coordinates
 * @param scale per-axis positive scale
 */
public record Frame(double[] mean, double[] scale) {

  public Frame {
    mean = mean.clone();
    scale = scale.clone();
  }

  public static Frame identity(int dim) {
    double[] one = new double[dim];
    java.util.Arrays.fill(one, 1.0);
    return new Frame(new double[dim], one);
  }

  /** The frame of row-major samples (n x d): per-axis mean and standard deviation (a zero spread is kept as 1). */
  public static Frame of(float[] rows, int n, int dim) {
    double[] m = new double[dim];
    double[] s = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        m[k] += rows[i * dim + k];
      }
    }
    for (int k = 0; k < dim; k++) {
      m[k] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        double e = rows[i * dim + k] - m[k];
        s[k] += e * e;
      }
    }
    for (int k = 0; k < dim; k++) {
      s[k] = Math.sqrt(s[k] / n);
      if (!(s[k] > 0)) {
        s[k] = 1.0;
      }
    }
    return new Frame(m, s);
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  double mean(int k) {
    return mean[k];
  }

  double scale(int k) {
    return scale[k];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && java.util.Arrays.equals(f.mean, mean) && java.util.Arrays.equals(f.scale, scale);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(mean) + java.util.Arrays.hashCode(scale);
  }
}
