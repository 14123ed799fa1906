package org.twostep.common.data;

import java.util.Arrays;

/**
 * An immutable cloud of n points in d dimensions, stored flat and row-major ({@code x0,y0,z0,x1,...})
 * in float64. Copies in and out, so no caller can change it behind another's back.
 */
public final class ParticleCloud {
  private final int dim;
  private final double[] coords;

  private ParticleCloud(int dim, double[] coords) {
    if (dim < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, found " + dim);
    }
    if (coords.length % dim != 0) {
      throw new IllegalArgumentException(
          "coordinate count " + coords.length + " is not a multiple of the dimension " + dim);
    }
    this.dim = dim;
    this.coords = coords;
  }

  /** A cloud from row-major coordinates (copied). */
  public static ParticleCloud ofRowMajor(int dim, double[] coords) {
    return new ParticleCloud(dim, coords.clone());
  }

  /** A cloud from row-major float coordinates (widened). */
  public static ParticleCloud ofRowMajor(int dim, float[] coords) {
    double[] c = new double[coords.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = coords[i];
    }
    return new ParticleCloud(dim, c);
  }

  /** A cloud from one array per axis, all of one length (structure of arrays, as the kernels keep it). */
  public static ParticleCloud ofColumns(double[]... columns) {
    int d = columns.length;
    int n = d == 0 ? 0 : columns[0].length;
    double[] c = new double[n * d];
    for (int k = 0; k < d; k++) {
      if (columns[k].length != n) {
        throw new IllegalArgumentException("column " + k + " has " + columns[k].length + " points, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        c[i * d + k] = columns[k][i];
      }
    }
    return new ParticleCloud(d, c);
  }

  public int dim() {
    return dim;
  }

  public int size() {
    return coords.length / dim;
  }

  public double get(int particle, int axis) {
    return coords[particle * dim + axis];
  }

  /** Row-major coordinates (a copy). */
  public double[] toRowMajor() {
    return coords.clone();
  }

  /** The coordinates of one axis (a copy). */
  public double[] column(int axis) {
    double[] c = new double[size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = coords[i * dim + axis];
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParticleCloud p && p.dim == dim && Arrays.equals(p.coords, coords);
  }

  @Override
  public int hashCode() {
    return 31 * dim + Arrays.hashCode(coords);
  }

  @Override
  public String toString() {
    return "ParticleCloud[n=" + size() + ", d=" + dim + "]";
  }
}
