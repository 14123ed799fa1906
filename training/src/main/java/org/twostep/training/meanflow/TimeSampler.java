package org.twostep.training.meanflow;

import java.util.SplittableRandom;

/**
 * MeanFlow's time pairs (SPEC §2): two logit-normal draws, t the larger and r the smaller; the first
 * {@code round(fraction·n)} rows of a batch get r = t (plain flow matching). With a warm-up, that fraction starts at 1
 * and falls linearly to its value over the first {@code warmupSteps} steps: a curriculum that learns the
 * instantaneous velocity first and anneals into the average-velocity objective (after AlphaFlow, arXiv 2510.20771).
 * At least one row keeps r < t, so every step has an average-velocity term.
 */
public final class TimeSampler {
  private final double mean;
  private final double std;
  private final double flowMatchingFraction;
  private final long warmupSteps;

  public TimeSampler(double mean, double std, double flowMatchingFraction, long warmupSteps) {
    this.mean = mean;
    this.std = std;
    this.flowMatchingFraction = flowMatchingFraction;
    this.warmupSteps = warmupSteps;
  }

  /** The number of leading rows with r = t in a batch of n at step {@code step}. */
  public int equalRows(int n, long step) {
    if (step >= warmupSteps) {
      return (int) Math.round(flowMatchingFraction * n);
    }
    double f = 1 - (1 - flowMatchingFraction) * step / (double) warmupSteps;
    return Math.min((int) Math.round(f * n), n - 1);
  }

  /** Fills t[0..n) and r[0..n) for step {@code step}. */
  public void sample(SplittableRandom rng, int n, double[] t, double[] r, long step) {
    int equal = equalRows(n, step);
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
