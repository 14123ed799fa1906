package org.twostep.jobs.sample;

import java.util.Arrays;
import java.util.List;

/**
 * Particles a {@link Surrogate} drew at one sigma: {@code columns[axis][particle]} (axes x, y[, z[, w]]), from particle
 * {@code offset} of the cloud {@code (sigma, seed)} on (0 unless drawn in pieces). The arrays are the caller's: they
 * are handed over, not copied, and equality is by content.
 */
public final class Cloud {
  private final String model;
  private final double sigma;
  private final long seed;
  private final boolean inTrainingRange;
  private final long offset;
  private final float[][] columns;

  Cloud(String model, double sigma, long seed, boolean inTrainingRange, long offset, float[][] columns) {
    this.model = model;
    this.sigma = sigma;
    this.seed = seed;
    this.inTrainingRange = inTrainingRange;
    this.offset = offset;
    this.columns = columns;
  }

  public String model() {
    return model;
  }

  public double sigma() {
    return sigma;
  }

  public long seed() {
    return seed;
  }

  /** False when sigma is outside the model's training range: the cloud is extrapolation. */
  public boolean inTrainingRange() {
    return inTrainingRange;
  }

  /** Index in the whole cloud of this piece's first particle. */
  public long offset() {
    return offset;
  }

  public int dim() {
    return columns.length;
  }

  public int size() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** The coordinates along one axis (0 = x), the array itself. */
  public float[] column(int axis) {
    return columns[axis];
  }

  /** Every axis, {@code [axis][particle]}, the arrays themselves. */
  public float[][] columns() {
    return columns;
  }

  /** The coordinate column names, x, y[, z[, w]]. */
  public List<String> axes() {
    return org.twostep.jobs.spark.ParticleTables.axes(dim());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cloud c && c.model.equals(model) && Double.compare(c.sigma, sigma) == 0 && c.seed == seed
        && c.inTrainingRange == inTrainingRange && c.offset == offset && Arrays.deepEquals(c.columns, columns);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(columns) * 31 + Long.hashCode(seed) + Double.hashCode(sigma);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "Cloud[%s sigma=%s seed=%d n=%d d=%d offset=%d%s]", model, sigma, seed,
        size(), dim(), offset, inTrainingRange ? "" : " extrapolation");
  }
}
