package org.twostep.common.ot;

import org.twostep.common.data.ParticleCloud;

/**
 * The non-empty cells of a cloud binned on a {@link HistogramGrid}: their centres (row-major) and
 * point counts. Counts, not fractions, so the transport solver moves integer masses exactly.
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
    int n = cloud.size();
    for (int i = 0; i < n; i++) {
      perCell[grid.cellOf(cloud, i)]++;
    }
    int nonEmpty = 0;
    for (int c : perCell) {
      if (c > 0) {
        nonEmpty++;
      }
    }
    int d = grid.dim();
    double[] centres = new double[nonEmpty * d];
    double[] counts = new double[nonEmpty];
    for (int cell = 0, k = 0; cell < perCell.length; cell++) {
      if (perCell[cell] > 0) {
        grid.centre(cell, centres, k * d);
        counts[k++] = perCell[cell];
      }
    }
    return new Histogram(centres, counts, n);
  }

  int cells() {
    return counts.length;
  }
}
