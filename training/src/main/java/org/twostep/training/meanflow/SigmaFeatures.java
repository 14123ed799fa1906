package org.twostep.training.meanflow;

import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;

/**
 * The sigma input of the networks (SPEC §2): {@code s} = the transformed sigma min-max scaled over the training grid
 * (0 and 1 at its ends, outside [0, 1] when extrapolating), then {@code [s, sin s, cos s, sin 2s, cos 2s]}
 * (linear) or the sinusoidal embedding of s with the time frequencies.
 *
 * @param kind linear | sinusoidal
 * @param transform sigma to raw feature
 * @param featureMin smallest transformed training sigma
 * @param featureMax largest transformed training sigma
 * @param frequencies embedding frequencies (sinusoidal only)
 */
public record SigmaFeatures(SigmaFeatureKind kind, SigmaTransform transform, double featureMin, double featureMax,
    double[] frequencies) {

  public SigmaFeatures {
    frequencies = frequencies.clone();
  }

  /** Features scaled over the given training sigma. */
  public static SigmaFeatures over(double[] trainingSigma, SigmaFeatureKind kind, SigmaTransform transform,
      double[] frequencies) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double s : trainingSigma) {
      double f = transform.apply(s);
      lo = Math.min(lo, f);
      hi = Math.max(hi, f);
    }
    return new SigmaFeatures(kind, transform, lo, hi, frequencies);
  }

  public int count() {
    return kind == SigmaFeatureKind.LINEAR ? 5 : 2 * frequencies.length;
  }

  /** The scaled scalar s; a single training sigma maps to 0. */
  public double scaled(double sigma) {
    double span = featureMax - featureMin;
    return span > 0 ? (transform.apply(sigma) - featureMin) / span : 0.0;
  }

  /** Writes the {@link #count()} features of sigma into {@code dst[offset ..)}. */
  public void write(double sigma, float[] dst, int offset) {
    writeScaled(scaled(sigma), dst, offset);
  }

  /**
   * As {@link #write}, but a sigma outside the training range is fed as the nearest end of the range: a network that
   * reads these features answers outside the range as it learned at the boundary instead of extrapolating its input.
   */
  public void writeClamped(double sigma, float[] dst, int offset) {
    writeScaled(Math.min(1.0, Math.max(0.0, scaled(sigma))), dst, offset);
  }

  private void writeScaled(double s, float[] dst, int offset) {
    if (kind == SigmaFeatureKind.LINEAR) {
      dst[offset] = (float) s;
      dst[offset + 1] = (float) Math.sin(s);
      dst[offset + 2] = (float) Math.cos(s);
      dst[offset + 3] = (float) Math.sin(2 * s);
      dst[offset + 4] = (float) Math.cos(2 * s);
    } else {
      int k = frequencies.length;
      for (int j = 0; j < k; j++) {
        dst[offset + j] = (float) Math.sin(frequencies[j] * s);
        dst[offset + k + j] = (float) Math.cos(frequencies[j] * s);
      }
    }
  }

  @Override
  public double[] frequencies() {
    return frequencies.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigmaFeatures f && f.kind == kind && f.transform == transform
        && f.featureMin == featureMin && f.featureMax == featureMax
        && java.util.Arrays.equals(f.frequencies, frequencies);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, transform, featureMin, featureMax, java.util.Arrays.hashCode(frequencies));
  }
}
