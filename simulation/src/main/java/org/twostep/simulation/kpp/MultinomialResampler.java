package org.twostep.simulation.kpp;

import java.util.SplittableRandom;

/**
 * Multinomial resampling (SPEC §1.2 step 3): N independent draws of an index with probability w_i / sum(w),
 * by inversion of the cumulative weights with a guide table (Chen and Asau 1974), so each draw costs O(1)
 * expected time. One instance per task (it owns the tables).
 */
public final class MultinomialResampler {
  private final double[] cumulative;
  private final int[] guide;

  public MultinomialResampler(int n) {
    this.cumulative = new double[n];
    this.guide = new int[n];
  }

  /** Fills {@code ancestors} (length N) with indices drawn from the weights {@code w} (length N, not all zero). */
  public void draw(double[] w, SplittableRandom rng, int[] ancestors) {
    prepare(w);
    draw(rng, ancestors, 0, ancestors.length);
  }

  /** Builds the cumulative weights and the guide table; then any number of {@link #draw} calls may run. */
  public void prepare(double[] w) {
    int n = cumulative.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += w[i];
      cumulative[i] = total;
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException("resampling weights must have a finite positive sum, found " + total);
    }
    // guide[c] = first index whose cumulative weight exceeds c/n of the total: every draw in [c/n, (c+1)/n)
    // starts its forward search there
    int j = 0;
    for (int c = 0; c < n; c++) {
      double level = total * c / n;
      while (j < n - 1 && cumulative[j] <= level) {
        j++;
      }
      guide[c] = j;
    }
  }

  /**
   * Draws ancestors[i] for i in [from, to) from the prepared weights. Read-only on the tables, so disjoint
   * ranges may be drawn concurrently, each with its own stream.
   */
  public void draw(SplittableRandom rng, int[] ancestors, int from, int to) {
    int n = cumulative.length;
    double total = cumulative[n - 1];
    for (int i = from; i < to; i++) {
      double u = rng.nextDouble();
      double target = u * total;
      int k = guide[Math.min(n - 1, (int) (u * n))];
      while (k < n - 1 && cumulative[k] <= target) {
        k++;
      }
      ancestors[i] = k;
    }
  }
}
