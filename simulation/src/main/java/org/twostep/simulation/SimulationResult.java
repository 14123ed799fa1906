package org.twostep.simulation;

import java.util.Arrays;

/**
 * The final particle cloud of a task, one float32 array per axis (x, y, z, w), and the eigenvalue trace of a
 * KPP task (empty for KS). Arrays are copied in and out; equality is by content.
 */
public record SimulationResult(float[][] columns, EigenTrace trace) {

  public SimulationResult {
    columns = copy(columns);
    int n = columns.length == 0 ? 0 : columns[0].length;
    for (float[] c : columns) {
      if (c.length != n) {
        throw new IllegalArgumentException("columns of unequal length: " + c.length + " vs " + n);
      }
    }
  }

  @Override
  public float[][] columns() {
    return copy(columns);
  }

  /** One axis (a copy). */
  public float[] column(int axis) {
    return columns[axis].clone();
  }

  public int dim() {
    return columns.length;
  }

  public int size() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  private static float[][] copy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int k = 0; k < a.length; k++) {
      c[k] = a[k].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulationResult r && Arrays.deepEquals(r.columns, columns) && r.trace.equals(trace);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(columns) + trace.hashCode();
  }

  @Override
  public String toString() {
    return "SimulationResult[n=" + size() + ", d=" + dim() + ", generations=" + trace.generations() + "]";
  }
}
