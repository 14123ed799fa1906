package org.twostep.common.ot;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;

/**
 * Sliced W2 between two point clouds: the mean over random unit directions of the exact 1D W2² between the clouds'
 * projections. Every point counts (no subsample, no binning), so its noise floor falls like a point cloud's and not
 * like a subsample's, at O(L n log n) for L directions. It is a different quantity from W2² (a pure shift v costs
 * |v|²/d instead of |v|²), so compare models under one metric, never across metrics.
 */
public final class SlicedWasserstein {
  private SlicedWasserstein() {}

  /**
   * @param directions number of random directions (uniform on the sphere), drawn from
   *     {@code Seeds.stream(seed, "w2-sliced")} so every model at one sigma is projected on the same directions
   */
  public static W2Result between(ParticleCloud a, ParticleCloud b, int directions, long seed) {
    long t0 = System.nanoTime();
    Wasserstein.check(a, b);
    if (directions < 1) {
      throw new InvalidInputException("sliced W2 needs at least one direction, found " + directions);
    }
    int d = a.dim();
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("w2-sliced"));
    double[] theta = new double[d];
    double[] pa = new double[a.size()];
    double[] pb = new double[b.size()];
    double sum = 0;
    for (int l = 0; l < directions; l++) {
      unitVector(rng, theta);
      project(a, theta, pa);
      project(b, theta, pb);
      sum += sortedW2sq(pa, pb);
    }
    return W2Result.of(sum / directions, a.size(), b.size(), t0);
  }

  /** A direction uniform on the unit sphere: a normalized standard Gaussian vector. */
  private static void unitVector(SplittableRandom rng, double[] theta) {
    double norm;
    do {
      norm = 0;
      for (int k = 0; k < theta.length; k++) {
        theta[k] = rng.nextGaussian();
        norm += theta[k] * theta[k];
      }
    } while (norm == 0);
    norm = Math.sqrt(norm);
    for (int k = 0; k < theta.length; k++) {
      theta[k] /= norm;
    }
  }

  private static void project(ParticleCloud c, double[] theta, double[] out) {
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      for (int k = 0; k < theta.length; k++) {
        s += c.get(i, k) * theta[k];
      }
      out[i] = s;
    }
  }

  /**
   * Exact W2² between two 1D empirical measures with uniform weights (sizes may differ): sorted, the optimal plan
   * matches quantiles, so walk the merged breakpoints i/na and j/nb and charge each piece its squared gap. Sorts
   * its arguments in place.
   */
  static double sortedW2sq(double[] u, double[] v) {
    Arrays.sort(u);
    Arrays.sort(v);
    int na = u.length;
    int nb = v.length;
    if (na == nb) {
      double s = 0;
      for (int i = 0; i < na; i++) {
        double g = u[i] - v[i];
        s += g * g;
      }
      return s / na;
    }
    // integer arithmetic on the common denominator na*nb: piece ends at min((i+1)*nb, (j+1)*na)
    long total = (long) na * nb;
    long at = 0;
    int i = 0;
    int j = 0;
    double s = 0;
    while (at < total) {
      long next = Math.min((long) (i + 1) * nb, (long) (j + 1) * na);
      double g = u[i] - v[j];
      s += g * g * (next - at);
      at = next;
      if (next == (long) (i + 1) * nb) {
        i++;
      }
      if (next == (long) (j + 1) * na) {
        j++;
      }
    }
    return s / total;
  }
}
