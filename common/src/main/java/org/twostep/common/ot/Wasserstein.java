package org.twostep.common.ot;

import java.util.SplittableRandom;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;

/**
 * The W2 metrics of SPEC §6 between a reference cloud (A) and a generated cloud (B). All are exact
 * LP values (no entropic smoothing): {@code w2sq} is the optimal cost, {@code w2} its root.
 * Histogram masses are counts / cloud size; the cost between cells is that of their centres.
 */
public final class Wasserstein {
  /** Largest equal-size point problem solved as a dense assignment (n^2 doubles: 200 MB at 5 000). */
  private static final int DENSE_LIMIT = 5000;

  private Wasserstein() {}

  /**
   * Histogram W2 on the SPEC §6 grid: {@code bins} per axis over the reference's bounding box padded
   * by {@code padding} of its extent per side; generated points outside the box are clamped into
   * the edge cells.
   */
  public static W2Result histogram(ParticleCloud reference, ParticleCloud generated, int bins, double padding) {
    check(reference, generated);
    return histogram(reference, generated, HistogramGrid.fromReference(reference, bins, padding));
  }

  /** Histogram W2 of both clouds on a given grid (box or torus). */
  public static W2Result histogram(ParticleCloud a, ParticleCloud b, HistogramGrid grid) {
    long t0 = System.nanoTime();
    check(a, b);
    if (grid.dim() != a.dim()) {
      throw new InvalidInputException("grid has dimension " + grid.dim() + ", clouds have " + a.dim());
    }
    Histogram ha = Histogram.of(a, grid);
    Histogram hb = Histogram.of(b, grid);
    // integer masses count_a * |B| and count_b * |A|: exact flows; divide the cost by |A| |B|
    double[] wa = scaled(ha.counts, hb.points);
    double[] wb = scaled(hb.counts, ha.points);
    CostRows cost = CostRows.points(ha.centres, hb.centres, grid.dim(), grid.groundCost());
    CostRows hint = grid.periodic() ? cost : AffineHint.of(ha.centres, wa, hb.centres, wb, grid.dim());
    TransportPlan plan = new ExactTransport().solve(wa, wb, cost, hint);
    double w2sq = plan.cost() / ((double) ha.points * hb.points);
    return W2Result.of(w2sq, ha.cells(), hb.cells(), t0);
  }

  /** Torus W2 (KPP 2D): both clouds binned on [0, side)^d, periodic minimal-image cost. */
  public static W2Result periodic(ParticleCloud a, ParticleCloud b, double side, int bins) {
    check(a, b);
    return histogram(a, b, HistogramGrid.torus(a.dim(), side, bins));
  }

  /**
   * Projected W2 (KPP 3D): the torus W2 of each 2D coordinate plane (x-y, x-z, y-z, ...). Reports
   * the means over the planes of w2sq and of w2 (so here {@code w2 != sqrt(w2sq)} in general) and
   * the cell counts summed over the planes.
   */
  public static W2Result projected(ParticleCloud a, ParticleCloud b, double side, int bins) {
    long t0 = System.nanoTime();
    check(a, b);
    int d = a.dim();
    if (d < 2) {
      throw new InvalidInputException("projected W2 needs dimension >= 2, found " + d);
    }
    double sumSq = 0;
    double sum = 0;
    int cellsA = 0;
    int cellsB = 0;
    int planes = 0;
    for (int p = 0; p < d; p++) {
      for (int q = p + 1; q < d; q++) {
        W2Result r = periodic(plane(a, p, q), plane(b, p, q), side, bins);
        sumSq += r.w2sq();
        sum += r.w2();
        cellsA += r.cellsA();
        cellsB += r.cellsB();
        planes++;
      }
    }
    return new W2Result(sumSq / planes, sum / planes, cellsA, cellsB, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Subsample EMD (KS 4D): exact EMD with squared Euclidean cost between random subsamples of
   * {@code n} points of each cloud (without replacement; all points when n = 0 or n exceeds the
   * cloud), drawn from {@code Seeds.stream(seed, "w2-subsample", side)}. Equal sizes are solved as
   * an assignment; otherwise as transport with uniform weights.
   */
  public static W2Result subsample(ParticleCloud a, ParticleCloud b, int n, long seed) {
    return subsample(a, b, n, seed, GroundCost.squaredEuclidean());
  }

  /**
   * As {@link #subsample(ParticleCloud, ParticleCloud, int, long)} with another ground cost (the periodic one on a
   * torus): the same subsamples, solved exactly.
   */
  public static W2Result subsample(ParticleCloud a, ParticleCloud b, int n, long seed, GroundCost ground) {
    long t0 = System.nanoTime();
    check(a, b);
    if (n < 0) {
      throw new InvalidInputException("subsample size must be >= 0, found " + n);
    }
    int d = a.dim();
    double[] pa = draw(a, n, Seeds.stream(seed, Seeds.coordinate("w2-subsample"), 0));
    double[] pb = draw(b, n, Seeds.stream(seed, Seeds.coordinate("w2-subsample"), 1));
    int na = pa.length / d;
    int nb = pb.length / d;
    double w2sq;
    if (na == nb && na <= DENSE_LIMIT) {
      w2sq = new JonkerVolgenant().solve(CostMatrices.of(pa, pb, d, ground), na).cost() / na;
    } else {
      double[] wa = new double[na];
      double[] wb = new double[nb];
      java.util.Arrays.fill(wa, nb);
      java.util.Arrays.fill(wb, na);
      CostRows cost = CostRows.points(pa, pb, d, ground);
      CostRows hint = AffineHint.of(pa, wa, pb, wb, d);
      w2sq = new ExactTransport().solve(wa, wb, cost, hint).cost() / ((double) na * nb);
    }
    return W2Result.of(w2sq, na, nb, t0);
  }

  private static double[] draw(ParticleCloud c, int n, SplittableRandom rng) {
    double[] all = c.toRowMajor();
    int size = c.size();
    if (n == 0 || n >= size) {
      return all;
    }
    int d = c.dim();
    int[] idx = new int[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    double[] out = new double[n * d];
    for (int i = 0; i < n; i++) {
      // partial Fisher-Yates: the first n of a uniform permutation
      int j = i + rng.nextInt(size - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      System.arraycopy(all, idx[i] * d, out, i * d, d);
    }
    return out;
  }

  private static ParticleCloud plane(ParticleCloud c, int p, int q) {
    return ParticleCloud.ofColumns(c.column(p), c.column(q));
  }

  private static double[] scaled(double[] counts, int factor) {
    double[] w = new double[counts.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = counts[i] * factor;
    }
    return w;
  }

  /** Rejects empty clouds, mismatched dimensions and non-finite coordinates. */
  static void check(ParticleCloud a, ParticleCloud b) {
    if (a.size() == 0 || b.size() == 0) {
      throw new InvalidInputException("W2 needs non-empty clouds, found " + a.size() + " and " + b.size() + " points");
    }
    if (a.dim() != b.dim()) {
      throw new InvalidInputException("clouds differ in dimension: " + a.dim() + " and " + b.dim());
    }
    for (ParticleCloud c : new ParticleCloud[] {a, b}) {
      for (int i = 0; i < c.size(); i++) {
        for (int k = 0; k < c.dim(); k++) {
          if (!Double.isFinite(c.get(i, k))) {
            throw new InvalidInputException("cloud holds a non-finite coordinate at point " + i + ", axis " + k);
          }
        }
      }
    }
  }
}
