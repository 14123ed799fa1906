package org.twostep.evaluation.report;

import java.util.Arrays;
import org.twostep.common.data.ParticleCloud;

/**
 * The axis-aligned box a projection image covers, shared by every cloud drawn at one sigma so the panels compare:
 * the reference's bounding box padded by a fraction of its extent (as the histogram W2 grid of SPEC §6), or the
 * whole torus for KPP.
 */
public final class PlotBox {
  private final double[] lo;
  private final double[] hi;

  private PlotBox(double[] lo, double[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  public static PlotBox around(ParticleCloud reference, double padding) {
    int d = reference.dim();
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int p = 0; p < reference.size(); p++) {
      for (int k = 0; k < d; k++) {
        lo[k] = Math.min(lo[k], reference.get(p, k));
        hi[k] = Math.max(hi[k], reference.get(p, k));
      }
    }
    for (int k = 0; k < d; k++) {
      double pad = Math.max(padding * (hi[k] - lo[k]), 1e-9); // a flat axis still gets a box of positive width
      lo[k] -= pad;
      hi[k] += pad;
    }
    return new PlotBox(lo, hi);
  }

  public static PlotBox torus(int dim, double length) {
    double[] hi = new double[dim];
    Arrays.fill(hi, length);
    return new PlotBox(new double[dim], hi);
  }

  public double lo(int axis) {
    return lo[axis];
  }

  public double hi(int axis) {
    return hi[axis];
  }

  public int dim() {
    return lo.length;
  }
}
