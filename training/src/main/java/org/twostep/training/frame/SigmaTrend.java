package org.twostep.training.frame;

import java.util.Arrays;
import org.twostep.training.data.TrainingData;

/**
 * The fitted frame: per axis k, {@code mean_k(sigma) = a_k + b_k·sigma} and a positive scale {@code s_k(sigma)} by
 * {@link ScaleLaw}, least squares over the per-sigma moments of the training groups (each group weighs the same).
 * A scale law that would reach zero or below is held at {@link #MIN_SCALE_SHARE} of the smallest fitted group spread,
 * so extrapolation never divides by zero. Plain values: stored as JSON beside the model it belongs to.
 */
public final class SigmaTrend implements SigmaFrame {
  /** The least scale, as a share of the smallest per-sigma spread seen in training. */
  static final double MIN_SCALE_SHARE = 0.05;

  private final ScaleLaw law;
  private final double[] meanIntercept;
  private final double[] meanSlope;
  private final double[] scaleIntercept;
  private final double[] scaleSlope;
  private final double[] minScale;

  public SigmaTrend(ScaleLaw law, double[] meanIntercept, double[] meanSlope, double[] scaleIntercept,
      double[] scaleSlope, double[] minScale) {
    int d = meanIntercept.length;
    if (meanSlope.length != d || scaleIntercept.length != d || scaleSlope.length != d || minScale.length != d) {
      throw new IllegalArgumentException("trend coefficients of different lengths");
    }
    this.law = law;
    this.meanIntercept = meanIntercept.clone();
    this.meanSlope = meanSlope.clone();
    this.scaleIntercept = scaleIntercept.clone();
    this.scaleSlope = scaleSlope.clone();
    this.minScale = minScale.clone();
  }

  /** Fits the trend to the per-sigma mean and (population) standard deviation of every training group. */
  public static SigmaTrend fit(TrainingData data, ScaleLaw law) {
    int d = data.dim();
    double[] sigmas = data.sigmas();
    int g = sigmas.length;
    double[][] mean = new double[d][g];
    double[][] std = new double[d][g];
    for (int j = 0; j < g; j++) {
      GroupMoments moments = GroupMoments.of(data, j);
      for (int k = 0; k < d; k++) {
        mean[k][j] = moments.mean()[k];
        std[k][j] = moments.std(k);
      }
    }
    return fit(sigmas, mean, std, law);
  }

  /** Fits the trend to given per-sigma moments ({@code [axis][group]}). */
  public static SigmaTrend fit(double[] sigmas, double[][] mean, double[][] std, ScaleLaw law) {
    int d = mean.length;
    double[] a = new double[d];
    double[] b = new double[d];
    double[] c = new double[d];
    double[] e = new double[d];
    double[] floor = new double[d];
    for (int k = 0; k < d; k++) {
      double[] line = leastSquares(sigmas, mean[k]);
      a[k] = line[0];
      b[k] = line[1];
      double smallest = Arrays.stream(std[k]).min().orElse(1);
      floor[k] = MIN_SCALE_SHARE * (smallest > 0 ? smallest : 1);
      switch (law) {
        case CONSTANT -> c[k] = Arrays.stream(std[k]).average().orElse(1);
        case LINEAR -> {
          double[] s = leastSquares(sigmas, std[k]);
          c[k] = s[0];
          e[k] = s[1];
        }
        case QUADRATURE -> {
          double[] sq = new double[sigmas.length];
          double[] var = new double[sigmas.length];
          for (int j = 0; j < sigmas.length; j++) {
            sq[j] = sigmas[j] * sigmas[j];
            var[j] = std[k][j] * std[k][j];
          }
          double[] s = leastSquares(sq, var);
          c[k] = s[0];
          e[k] = s[1];
        }
      }
    }
    return new SigmaTrend(law, a, b, c, e, floor);
  }

  /** Intercept and slope of the least-squares line through (x, y); a single point gives a flat line. */
  static double[] leastSquares(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxx > 0 ? sxy / sxx : 0;
    return new double[] {my - slope * mx, slope};
  }

  public int dim() {
    return meanIntercept.length;
  }

  public ScaleLaw law() {
    return law;
  }

  /** The frame's centre of axis k at sigma. */
  public double mean(int k, double sigma) {
    return meanIntercept[k] + meanSlope[k] * sigma;
  }

  /** The frame's scale of axis k at sigma (positive). */
  public double scale(int k, double sigma) {
    double s = switch (law) {
      case CONSTANT -> scaleIntercept[k];
      case LINEAR -> scaleIntercept[k] + scaleSlope[k] * sigma;
      case QUADRATURE -> {
        double v = scaleIntercept[k] + scaleSlope[k] * sigma * sigma;
        yield v > 0 ? Math.sqrt(v) : 0;
      }
    };
    return Math.max(s, minScale[k]);
  }

  /** Physical coordinate to frame coordinate. */
  public double toFrame(double x, int k, double sigma) {
    return (x - mean(k, sigma)) / scale(k, sigma);
  }

  /** Frame coordinate to physical coordinate. */
  public double fromFrame(double z, int k, double sigma) {
    return mean(k, sigma) + scale(k, sigma) * z;
  }

  @Override
  public void toFrame(float[] row, int offset, double sigma) {
    for (int k = 0; k < dim(); k++) {
      row[offset + k] = (float) toFrame(row[offset + k], k, sigma);
    }
  }

  @Override
  public void fromFrame(float[][] cloud, double sigma) {
    for (int k = 0; k < cloud.length; k++) {
      double m = mean(k, sigma);
      double s = scale(k, sigma);
      float[] axis = cloud[k];
      for (int i = 0; i < axis.length; i++) {
        axis[i] = (float) (m + s * axis[i]);
      }
    }
  }

  /** The coefficients as stored: law, then per axis a, b (mean) and c, e (scale), and the scale floor. */
  Stored stored() {
    return new Stored(law.name().toLowerCase(java.util.Locale.ROOT), meanIntercept.clone(), meanSlope.clone(),
        scaleIntercept.clone(), scaleSlope.clone(), minScale.clone());
  }

  /** The JSON form. */
  record Stored(String law, double[] meanIntercept, double[] meanSlope, double[] scaleIntercept, double[] scaleSlope,
      double[] minScale) {
    SigmaTrend trend() {
      return new SigmaTrend(ScaleLaw.valueOf(law.toUpperCase(java.util.Locale.ROOT)), meanIntercept, meanSlope,
          scaleIntercept, scaleSlope, minScale);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaTrend t && t.law == law && Arrays.equals(t.meanIntercept, meanIntercept)
        && Arrays.equals(t.meanSlope, meanSlope) && Arrays.equals(t.scaleIntercept, scaleIntercept)
        && Arrays.equals(t.scaleSlope, scaleSlope) && Arrays.equals(t.minScale, minScale);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(meanIntercept) * 31 + Arrays.hashCode(meanSlope);
  }
}
