package org.twostep.common.ot;

import org.twostep.common.data.ParticleCloud;

/**
 * The non-empty cells of a cloud binned on a {@link HistogramGrid}: their centres (row-major) and
 * point counts; the box's cells first, then the lattice cells past the box that hold spilled points, in
 * lexicographic order of their indices (deterministic). Counts, not fractions, so the transport solver
 * moves integer masses exactly.
 */
final class Histogram {
  final double[] centres;
  final double[] counts;
  final int points;

  private Histogram(double[] centres, double[] counts, int points) {
    this.centres = centres;
    this.counts = counts;
    this.points = points;
  }

  static Histogram of(ParticleCloud cloud, HistogramGrid grid) {
    int[] perCell = new int[grid.cells()];
    java.util.TreeMap<long[], Integer> spilled = new java.util.TreeMap<>(java.util.Arrays::compare);
    int n = cloud.size();
    long[] idx = new long[grid.dim()];
    for (int i = 0; i < n; i++) {
      if (grid.periodic()) {
        perCell[grid.cellOf(cloud, i)]++;
        continue;
      }
      grid.latticeIndex(cloud, i, idx); // one pass per point: the box cell, or the lattice cell past the box
      int cell = grid.boxCell(idx);
      if (cell >= 0) {
        perCell[cell]++;
      } else {
        spilled.merge(idx.clone(), 1, Integer::sum);
      }
    }
    int nonEmpty = spilled.size();
    for (int c : perCell) {
      if (c > 0) {
        nonEmpty++;
      }
    }
    int d = grid.dim();
    double[] centres = new double[nonEmpty * d];
    double[] counts = new double[nonEmpty];
    int k = 0;
    for (int cell = 0; cell < perCell.length; cell++) {
      if (perCell[cell] > 0) {
        grid.centre(cell, centres, k * d);
        counts[k++] = perCell[cell];
      }
    }
    for (java.util.Map.Entry<long[], Integer> e : spilled.entrySet()) {
      grid.latticeCentre(e.getKey(), centres, k * d);
      counts[k++] = e.getValue();
    }
    return new Histogram(centres, counts, n);
  }

  int cells() {
    return counts.length;
  }
}
