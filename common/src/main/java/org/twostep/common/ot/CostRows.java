package org.twostep.common.ot;

/**
 * A cost matrix read one row at a time, so transport between large weighted point sets never needs
 * the whole matrix in memory (2 600 x 2 600 histogram cells would be 54 MB in float64).
 */
public interface CostRows {
  int rows();

  int cols();

  /** Writes row i ({@code cols()} entries) into {@code out}. */
  void fillRow(int i, double[] out);

  /** Rows of a row-major dense matrix (not copied: the caller must not change it while solving). */
  static CostRows dense(double[] cost, int rows, int cols) {
    if (cost.length != (long) rows * cols) {
      throw new IllegalArgumentException("cost has " + cost.length + " entries, expected " + rows + "x" + cols);
    }
    return new CostRows() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int cols() {
        return cols;
      }

      @Override
      public void fillRow(int i, double[] out) {
        System.arraycopy(cost, i * cols, out, 0, cols);
      }
    };
  }

  /** Costs between the points of two row-major clouds of dimension d under a ground cost. */
  static CostRows points(double[] a, double[] b, int d, GroundCost ground) {
    int rows = a.length / d;
    int cols = b.length / d;
    return new CostRows() {
      @Override
      public int rows() {
        return rows;
      }

      @Override
      public int cols() {
        return cols;
      }

      @Override
      public void fillRow(int i, double[] out) {
        int off = i * d;
        for (int j = 0; j < cols; j++) {
          out[j] = ground.between(a, off, b, j * d, d);
        }
      }
    };
  }
}
