package org.twostep.common.ot;

import java.util.Arrays;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.data.Torus;
import org.twostep.common.error.InvalidInputException;

/**
 * A regular grid of {@code bins} cells per axis over a box (SPEC §6), or over the torus [0, L)^d.
 * On a box, the lattice of cells continues past it: a point outside the box falls into the lattice
 * cell where it lies ({@link #outside}, {@link #latticeCentre}), so mass that a generated cloud
 * spills past the reference's padded box is transported from where it is, not from the edge cells
 * (clamping it there under-reported exactly the extrapolation errors). On a torus, coordinates are
 * wrapped modulo L. Immutable.
 */
public final class HistogramGrid {
  /** The SPEC §6 padding of the reference's bounding box per side, as a fraction of its extent [rec]. */
  public static final double DEFAULT_PADDING = 0.05;

  private final int bins;
  private final double[] lower;
  private final double[] width;
  private final double side;

  private HistogramGrid(int bins, double[] lower, double[] upper, double side) {
    if (bins < 1) {
      throw new InvalidInputException("bins must be >= 1, found " + bins);
    }
    if (Math.pow(bins, lower.length) > Integer.MAX_VALUE / 2.0) {
      throw new InvalidInputException("a grid of " + bins + "^" + lower.length + " cells is too large");
    }
    this.bins = bins;
    this.lower = lower.clone();
    this.width = new double[lower.length];
    for (int k = 0; k < lower.length; k++) {
      if (!(upper[k] > lower[k]) || !Double.isFinite(upper[k] - lower[k])) {
        throw new InvalidInputException("box axis " + k + " must have lower < upper, found " + lower[k] + ", " + upper[k]);
      }
      width[k] = (upper[k] - lower[k]) / bins;
    }
    this.side = side;
  }

  /** A grid over an explicit box {@code [lower_k, upper_k]} per axis. */
  public static HistogramGrid box(int bins, double[] lower, double[] upper) {
    if (lower.length != upper.length || lower.length == 0) {
      throw new InvalidInputException("box bounds need one lower and one upper value per axis");
    }
    return new HistogramGrid(bins, lower, upper, 0);
  }

  /**
   * The SPEC §6 grid: the reference's bounding box padded by {@code padding} (a fraction of its
   * extent, {@link #DEFAULT_PADDING} in the paper's setup) on each side; an axis of zero extent gets
   * half a unit each side.
   */
  public static HistogramGrid fromReference(ParticleCloud reference, int bins, double padding) {
    if (!(padding >= 0) || Double.isInfinite(padding)) {
      throw new InvalidInputException("padding must be finite and >= 0, found " + padding);
    }
    int d = reference.dim();
    if (reference.size() == 0) {
      throw new InvalidInputException("the reference cloud is empty");
    }
    double[] lo = new double[d];
    double[] hi = new double[d];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < reference.size(); i++) {
      for (int k = 0; k < d; k++) {
        double x = reference.get(i, k);
        lo[k] = Math.min(lo[k], x);
        hi[k] = Math.max(hi[k], x);
      }
    }
    for (int k = 0; k < d; k++) {
      double pad = hi[k] > lo[k] ? padding * (hi[k] - lo[k]) : 0.5;
      lo[k] -= pad;
      hi[k] += pad;
    }
    return new HistogramGrid(bins, lo, hi, 0);
  }

  /** The torus [0, side)^dim with {@code bins} cells per axis. */
  public static HistogramGrid torus(int dim, double side, int bins) {
    if (!(side > 0) || Double.isInfinite(side)) {
      throw new InvalidInputException("torus side must be finite and > 0, found " + side);
    }
    double[] lo = new double[dim];
    double[] hi = new double[dim];
    Arrays.fill(hi, side);
    return new HistogramGrid(bins, lo, hi, side);
  }

  public int dim() {
    return lower.length;
  }

  public int bins() {
    return bins;
  }

  public boolean periodic() {
    return side > 0;
  }

  /** The cell count {@code bins^dim}. */
  public int cells() {
    int c = 1;
    for (int k = 0; k < lower.length; k++) {
      c *= bins;
    }
    return c;
  }

  /** Whether point i lies outside the box (never on a torus); the upper edge belongs to the box. */
  public boolean outside(ParticleCloud cloud, int i) {
    if (side > 0) {
      return false;
    }
    for (int k = 0; k < lower.length; k++) {
      double u = (cloud.get(i, k) - lower[k]) / width[k];
      if (!(u >= 0 && u <= bins)) {
        return true;
      }
    }
    return false;
  }

  /** The share of a cloud's points outside the box (0 on a torus). */
  public double outsideFraction(ParticleCloud cloud) {
    int n = cloud.size();
    int out = 0;
    for (int i = 0; i < n; i++) {
      if (outside(cloud, i)) {
        out++;
      }
    }
    return n == 0 ? 0 : out / (double) n;
  }

  /**
   * The per-axis lattice index of point i on the lattice the box's cells continue (cells inside the box are
   * 0 .. bins-1; the upper edge belongs to the last); a non-finite coordinate is bad input.
   */
  public long[] latticeIndex(ParticleCloud cloud, int i) {
    long[] idx = new long[lower.length];
    latticeIndex(cloud, i, idx);
    return idx;
  }

  /** As {@link #latticeIndex(ParticleCloud, int)}, into {@code idx} (no allocation per point). */
  public void latticeIndex(ParticleCloud cloud, int i, long[] idx) {
    for (int k = 0; k < lower.length; k++) {
      double x = cloud.get(i, k);
      if (!Double.isFinite(x)) {
        throw new InvalidInputException("point " + i + " has a non-finite coordinate on axis " + k + ": " + x);
      }
      double raw = (x - lower[k]) / width[k];
      double u = raw == bins ? bins - 1 : Math.floor(raw); // the upper edge belongs to the last cell
      idx[k] = (long) Math.max(-LATTICE_LIMIT, Math.min(LATTICE_LIMIT, u));
    }
  }

  /** The flat index of the box cell of lattice index {@code idx} (axis 0 slowest), or -1 when it lies past the box. */
  public int boxCell(long[] idx) {
    int cell = 0;
    for (long b : idx) {
      if (b < 0 || b >= bins) {
        return -1;
      }
      cell = cell * bins + (int) b;
    }
    return cell;
  }

  /** Writes the centre of the lattice cell of per-axis index {@code idx} into {@code out[off .. off+dim)}. */
  public void latticeCentre(long[] idx, double[] out, int off) {
    for (int k = 0; k < lower.length; k++) {
      out[off + k] = lower[k] + (idx[k] + 0.5) * width[k];
    }
  }

  /** Lattice indices are held within this many cells of the box (about 10^12: far beyond any physical spill). */
  private static final long LATTICE_LIMIT = 1L << 40;

  /** The flat index of the cell holding point i of the cloud (axis 0 varies slowest). */
  public int cellOf(ParticleCloud cloud, int i) {
    int cell = 0;
    for (int k = 0; k < lower.length; k++) {
      double x = cloud.get(i, k);
      if (side > 0) {
        x = Torus.wrap(x, side);
      }
      int b = (int) Math.floor((x - lower[k]) / width[k]);
      b = b < 0 ? 0 : b >= bins ? bins - 1 : b; // clamp: callers send outside points to latticeIndex
      cell = cell * bins + b;
    }
    return cell;
  }

  /** Writes the centre of a cell into {@code out[off .. off+dim)}. */
  public void centre(int cell, double[] out, int off) {
    for (int k = lower.length - 1; k >= 0; k--) {
      int b = cell % bins;
      cell /= bins;
      out[off + k] = lower[k] + (b + 0.5) * width[k];
    }
  }

  /** The ground cost between cell centres: squared Euclidean, or periodic on the torus. */
  public GroundCost groundCost() {
    return side > 0 ? GroundCost.periodic(side) : GroundCost.squaredEuclidean();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramGrid g
        && g.bins == bins
        && Double.compare(g.side, side) == 0
        && Arrays.equals(g.lower, lower)
        && Arrays.equals(g.width, width);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lower) + bins;
  }

  @Override
  public String toString() {
    return "HistogramGrid[bins=" + bins + ", dim=" + lower.length + (side > 0 ? ", torus " + side : "") + "]";
  }
}
