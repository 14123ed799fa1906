package org.twostep.training.frame;

import org.twostep.training.data.TrainingData;

/** The mean and (population) covariance of one training group, the input of every frame's fit. */
record GroupMoments(double[] mean, double[] covariance) {

  /** Two passes over group {@code g}: the mean, then the covariance row-major ({@code d·d}) about it. */
  static GroupMoments of(TrainingData data, int g) {
    int d = data.dim();
    int n = data.count(g);
    float[] row = new float[d];
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      data.copyRow(g, i, row, 0);
      for (int k = 0; k < d; k++) {
        m[k] += row[k];
      }
    }
    for (int k = 0; k < d; k++) {
      m[k] /= n;
    }
    double[] cov = new double[d * d];
    for (int i = 0; i < n; i++) {
      data.copyRow(g, i, row, 0);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          cov[a * d + b] += (row[a] - m[a]) * (row[b] - m[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a * d + b] /= n;
        cov[b * d + a] = cov[a * d + b];
      }
    }
    return new GroupMoments(m, cov);
  }

  /** The standard deviation of axis k. */
  double std(int k) {
    return Math.sqrt(covariance[k * mean.length + k]);
  }
}
