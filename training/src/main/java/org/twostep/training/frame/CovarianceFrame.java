package org.twostep.training.frame;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.twostep.training.data.TrainingData;

/**
 * The per-group frame ({@code frame.kind = covariance}): at each training sigma, {@code z = L^-1 (x - m)} with m the
 * group's mean and {@code L} the Cholesky factor of its full covariance, so every training group has zero mean and
 * identity covariance in the frame, whatever its orientation (a cloud stretched along a diagonal included, which a
 * per-axis scale cannot undo). Between training sigma m and L are interpolated linearly (L stays lower triangular with
 * a positive diagonal, so the frame stays invertible). Beyond the ends ({@code frame.extrapolate}) they are either
 * held at the end group's ({@link Beyond#HOLD}: extrapolation is left to the network rather than to a trend that a
 * chaotic flow need not have) or continued along the end segment ({@link Beyond#LINEAR}: a cloud that keeps
 * stretching with sigma keeps doing so), each pivot kept at least {@link #MIN_PIVOT_KEPT} of the end group's.
 */
public final class CovarianceFrame implements SigmaFrame {
  /** A pivot below this share of the mean variance is raised to it: a degenerate direction passes through. */
  static final double MIN_PIVOT_SHARE = 1e-8;

  /** A pivot continued linearly beyond the range keeps at least this share of the end group's. */
  static final double MIN_PIVOT_KEPT = 0.5;

  /** {@code frame.extrapolate}: how the frame continues beyond the training sigma. */
  public enum Beyond {
    HOLD,
    LINEAR
  }

  private final double[] sigmas;
  private final double[][] mean;
  private final double[][] cholesky;
  private final Beyond beyond;
  private final int d;

  /**
   * @param sigmas the training sigma, strictly ascending
   * @param mean per group, the mean vector
   * @param cholesky per group, the lower-triangular factor row-major ({@code d·d} values, positive diagonal)
   * @param beyond how the frame continues beyond the first and last sigma
   */
  public CovarianceFrame(double[] sigmas, double[][] mean, double[][] cholesky, Beyond beyond) {
    if (sigmas.length == 0 || mean.length != sigmas.length || cholesky.length != sigmas.length) {
      throw new IllegalArgumentException("a covariance frame needs one mean and one factor per sigma, got "
          + sigmas.length + " sigma, " + mean.length + " means, " + cholesky.length + " factors");
    }
    this.d = mean[0].length;
    for (int j = 0; j < sigmas.length; j++) {
      if (j > 0 && !(sigmas[j] > sigmas[j - 1])) {
        throw new IllegalArgumentException("frame sigma not strictly ascending: " + Arrays.toString(sigmas));
      }
      if (mean[j].length != d || cholesky[j].length != d * d) {
        throw new IllegalArgumentException("frame group " + j + " has the wrong size for " + d + " axes");
      }
      for (int k = 0; k < d; k++) {
        if (!(cholesky[j][k * d + k] > 0)) {
          throw new IllegalArgumentException("frame group " + j + " has a non-positive pivot on axis " + k);
        }
      }
    }
    this.sigmas = sigmas.clone();
    this.mean = Arrays.stream(mean).map(double[]::clone).toArray(double[][]::new);
    this.cholesky = Arrays.stream(cholesky).map(double[]::clone).toArray(double[][]::new);
    this.beyond = beyond;
  }

  /** The frame of the training groups' own means and (population) covariances. */
  public static CovarianceFrame fit(TrainingData data, Beyond beyond) {
    int d = data.dim();
    Integer[] order = IntStream.range(0, data.sigmas().length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(g -> data.sigmas()[g]));
    double[] sigmas = new double[order.length];
    double[][] mean = new double[order.length][];
    double[][] chol = new double[order.length][];
    for (int j = 0; j < order.length; j++) {
      GroupMoments moments = GroupMoments.of(data, order[j]);
      sigmas[j] = data.sigmas()[order[j]];
      mean[j] = moments.mean();
      chol[j] = cholesky(moments.covariance(), d);
    }
    return new CovarianceFrame(sigmas, mean, chol, beyond);
  }

  /** The lower Cholesky factor of a symmetric positive semi-definite matrix, tiny pivots raised (see above). */
  static double[] cholesky(double[] a, int d) {
    double trace = 0;
    for (int k = 0; k < d; k++) {
      trace += a[k * d + k];
    }
    double minPivot = trace > 0 ? MIN_PIVOT_SHARE * trace / d : 1;
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * d + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * d + k] * l[j * d + k];
        }
        if (i == j) {
          l[i * d + i] = Math.sqrt(Math.max(s, minPivot));
        } else {
          l[i * d + j] = s / l[j * d + j];
        }
      }
    }
    return l;
  }

  @Override
  public int dim() {
    return d;
  }

  /** The mean and factor at sigma: interpolated inside the grid, held or continued beyond it. */
  private double[][] at(double sigma) {
    int g = sigmas.length;
    if (g == 1 || (beyond == Beyond.HOLD && (sigma <= sigmas[0] || sigma >= sigmas[g - 1]))) {
      int end = sigma <= sigmas[0] ? 0 : g - 1;
      return new double[][] {mean[end], cholesky[end]};
    }
    if (sigma < sigmas[0] || sigma > sigmas[g - 1]) { // linear: the end segment, continued
      int lo = sigma < sigmas[0] ? 0 : g - 2;
      int end = sigma < sigmas[0] ? 0 : g - 1;
      double w = (sigma - sigmas[lo]) / (sigmas[lo + 1] - sigmas[lo]);
      double[] l = mix(cholesky[lo], cholesky[lo + 1], w);
      for (int k = 0; k < d; k++) {
        l[k * d + k] = Math.max(l[k * d + k], MIN_PIVOT_KEPT * cholesky[end][k * d + k]);
      }
      return new double[][] {mix(mean[lo], mean[lo + 1], w), l};
    }
    int j = Arrays.binarySearch(sigmas, sigma);
    if (j >= 0) {
      return new double[][] {mean[j], cholesky[j]};
    }
    int hi = -j - 1;
    double w = (sigma - sigmas[hi - 1]) / (sigmas[hi] - sigmas[hi - 1]);
    return new double[][] {mix(mean[hi - 1], mean[hi], w), mix(cholesky[hi - 1], cholesky[hi], w)};
  }

  private static double[] mix(double[] a, double[] b, double w) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = (1 - w) * a[i] + w * b[i];
    }
    return r;
  }

  @Override
  public void toFrame(float[] row, int offset, double sigma) {
    double[][] ml = at(sigma);
    double[] m = ml[0];
    double[] l = ml[1];
    double[] z = new double[d];
    for (int i = 0; i < d; i++) { // forward substitution: L z = x - m
      double s = row[offset + i] - m[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * d + k] * z[k];
      }
      z[i] = s / l[i * d + i];
    }
    for (int i = 0; i < d; i++) {
      row[offset + i] = (float) z[i];
    }
  }

  @Override
  public void fromFrame(float[][] cloud, double sigma) {
    double[][] ml = at(sigma);
    double[] m = ml[0];
    double[] l = ml[1];
    int n = cloud[0].length;
    double[] z = new double[d];
    for (int p = 0; p < n; p++) {
      for (int k = 0; k < d; k++) {
        z[k] = cloud[k][p];
      }
      for (int i = 0; i < d; i++) { // x = m + L z
        double s = m[i];
        for (int k = 0; k <= i; k++) {
          s += l[i * d + k] * z[k];
        }
        cloud[i][p] = (float) s;
      }
    }
  }

  /** The JSON form ({@link TrendFile}). */
  Stored stored() {
    return new Stored(KIND, beyond.name().toLowerCase(java.util.Locale.ROOT), sigmas.clone(), mean, cholesky);
  }

  static final String KIND = "covariance";

  /** The JSON form; a file without {@code extrapolate} holds (as written before the key). */
  record Stored(String kind, String extrapolate, double[] sigmas, double[][] mean, double[][] cholesky) {
    CovarianceFrame frame() {
      return new CovarianceFrame(sigmas, mean, cholesky, extrapolate == null ? Beyond.HOLD
          : Beyond.valueOf(extrapolate.toUpperCase(java.util.Locale.ROOT)));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CovarianceFrame f && f.beyond == beyond && Arrays.equals(f.sigmas, sigmas)
        && Arrays.deepEquals(f.mean, mean) && Arrays.deepEquals(f.cholesky, cholesky);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sigmas) * 31 + Arrays.deepHashCode(mean);
  }
}
