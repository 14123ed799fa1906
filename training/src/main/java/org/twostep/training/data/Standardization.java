package org.twostep.training.data;

import java.util.Arrays;
import org.twostep.common.data.Torus;

/**
 * Per-axis affine standardization {@code (x - mean) / std} of the coordinates (SPEC §2); a zero spread is kept as 1
 * so a degenerate axis passes through unchanged. On a torus of period L the coordinates are first cut at a per-axis
 * seam, {@code x' = (x - seam) mod L}, so that a density which straddles the domain's edge is contiguous for the
 * network (a smooth map from a Gaussian cannot split mass across 0 and L); {@link #inverse} adds the seam back and the
 * generator wraps.
 */
public final class Standardization {
  /** Bins of the marginal histograms that place the seams. */
  static final int SEAM_BINS = 64;

  private final double[] mean;
  private final double[] std;
  private final double[] seam;
  private final double period;

  public Standardization(double[] mean, double[] std) {
    this(mean, std, null, 0);
  }

  /**
   * @param seam per-axis cut of the torus, or null on a Euclidean domain
   * @param period torus length L (ignored without a seam)
   */
  public Standardization(double[] mean, double[] std, double[] seam, double period) {
    if (mean.length != std.length || (seam != null && seam.length != mean.length)) {
      throw new IllegalArgumentException("mean, std and seam lengths differ: " + mean.length + ", " + std.length
          + ", " + (seam == null ? "none" : seam.length));
    }
    if (seam != null && !(period > 0)) {
      throw new IllegalArgumentException("a seam needs a positive period, got " + period);
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.seam = seam == null ? null : seam.clone();
    this.period = seam == null ? 0 : period;
    for (int k = 0; k < std.length; k++) {
      if (!(this.std[k] > 0) || !Double.isFinite(this.std[k])) {
        this.std[k] = 1.0;
      }
    }
  }

  /**
   * The standardization of torus data: each axis is cut at the centre of the emptiest bin of its marginal histogram
   * over every training particle, then the mean and spread are taken in the cut coordinates.
   */
  public static Standardization onTorus(TrainingData data, double period) {
    int d = data.dim();
    long[][] counts = new long[d][SEAM_BINS];
    float[] row = new float[d];
    for (int g = 0; g < data.sigmas().length; g++) {
      for (int i = 0; i < data.count(g); i++) {
        data.copyRow(g, i, row, 0);
        for (int k = 0; k < d; k++) {
          counts[k][bin(Torus.wrap(row[k], period), period)]++;
        }
      }
    }
    double[] seam = new double[d];
    for (int k = 0; k < d; k++) {
      seam[k] = (emptiestArc(counts[k]) + 0.5) * period / SEAM_BINS;
    }
    Standardization cutOnly = new Standardization(new double[d], ones(d), seam, period);
    double[] sum = new double[d];
    double[] sq = new double[d];
    long n = 0;
    for (int g = 0; g < data.sigmas().length; g++) {
      for (int i = 0; i < data.count(g); i++) {
        data.copyRow(g, i, row, 0);
        for (int k = 0; k < d; k++) {
          double x = cutOnly.forward(row[k], k);
          sum[k] += x;
          sq[k] += x * x;
        }
        n++;
      }
    }
    double[] m = new double[d];
    double[] s = new double[d];
    for (int k = 0; k < d; k++) {
      m[k] = sum[k] / n;
      s[k] = Math.sqrt(Math.max(sq[k] / n - m[k] * m[k], 0));
    }
    return new Standardization(m, s, seam, period);
  }

  /**
   * The bin at the middle of the emptiest arc: counts summed over a circular window of an eighth of the circle, then
   * the centre of the longest circular run of bins at the smallest windowed count.
   */
  static int emptiestArc(long[] counts) {
    int b = counts.length;
    int w = b / 16;
    long[] window = new long[b];
    for (int i = 0; i < b; i++) {
      for (int j = -w; j <= w; j++) {
        window[i] += counts[Math.floorMod(i + j, b)];
      }
    }
    long min = Long.MAX_VALUE;
    for (long v : window) {
      min = Math.min(min, v);
    }
    int bestStart = 0;
    int bestLength = 0;
    for (int start = 0; start < b; start++) {
      if (window[start] != min || window[Math.floorMod(start - 1, b)] == min && bestLength > 0) {
        continue; // not the first bin of a run (a run covering the whole circle starts at 0)
      }
      int length = 0;
      while (length < b && window[(start + length) % b] == min) {
        length++;
      }
      if (length > bestLength) {
        bestLength = length;
        bestStart = start;
      }
    }
    return (bestStart + (bestLength - 1) / 2) % b;
  }

  private static int bin(double wrapped, double period) {
    return Math.min(SEAM_BINS - 1, (int) (wrapped / period * SEAM_BINS));
  }

  private static double[] ones(int d) {
    double[] o = new double[d];
    java.util.Arrays.fill(o, 1.0);
    return o;
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

  /** The per-axis torus cut, or null on a Euclidean domain. */
  public double[] seam() {
    return seam == null ? null : seam.clone();
  }

  /** The torus length L, 0 on a Euclidean domain. */
  public double period() {
    return period;
  }

  public double forward(double x, int axis) {
    double v = seam == null ? x : Torus.wrap(x - seam[axis], period);
    return (v - mean[axis]) / std[axis];
  }

  /** Back to data coordinates; on a torus the result lies in [seam, seam + L) and the caller wraps it. */
  public double inverse(double z, int axis) {
    return mean[axis] + std[axis] * z + (seam == null ? 0 : seam[axis]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardization s && Arrays.equals(s.mean, mean) && Arrays.equals(s.std, std)
        && Arrays.equals(s.seam, seam) && s.period == period;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(std)) + Arrays.hashCode(seam);
  }
}
