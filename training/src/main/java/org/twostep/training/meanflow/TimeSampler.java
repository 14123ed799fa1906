package org.twostep.training.meanflow;

import java.util.SplittableRandom;

/**
 * MeanFlow's time pairs (SPEC §2): two logit-normal draws, t the larger and r the smaller; the first
 * {@code round(fraction·n)} rows of a batch get r = t (plain flow matching).
 */
public final class TimeSampler {
  private final double mean;
  private final double std;
  private final double flowMatchingFraction;

  public TimeSampler(double mean, double std, double flowMatchingFraction) {
    this.mean = mean;
    this.std = std;
    this.flowMatchingFraction = flowMatchingFraction;
  }

  /** The number of leading rows with r = t in a batch of n. */
  public int equalRows(int n) {
    return (int) Math.round(flowMatchingFraction * n);
  }

  /** Fills t[0..n) and r[0..n). */
  public void sample(SplittableRandom rng, int n, double[] t, double[] r) {
    int equal = equalRows(n);
    for (int i = 0; i < n; i++) {
      double a = logitNormal(rng);
      double b = logitNormal(rng);
      t[i] = Math.max(a, b);
      r[i] = i < equal ? t[i] : Math.min(a, b);
    }
  }

  private double logitNormal(SplittableRandom rng) {
    return 1.0 / (1.0 + Math.exp(-(mean + std * rng.nextGaussian())));
  }
}
