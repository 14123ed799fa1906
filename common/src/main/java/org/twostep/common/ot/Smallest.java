package org.twostep.common.ot;

/** Partial selection of the k smallest entries of an array below a threshold (insertion, k small). */
final class Smallest {
  private Smallest() {}

  /**
   * Writes the indices and values of up to {@code idx.length} smallest entries of {@code x[0..n)}
   * that are strictly below {@code limit}, ascending; returns how many.
   */
  static int select(double[] x, int n, double limit, int[] idx, double[] val) {
    int cap = idx.length;
    int k = 0;
    for (int j = 0; j < n; j++) {
      double h = x[j];
      if (h < limit && (k < cap || h < val[k - 1])) {
        int p = k < cap ? k++ : cap - 1;
        while (p > 0 && val[p - 1] > h) {
          val[p] = val[p - 1];
          idx[p] = idx[p - 1];
          p--;
        }
        val[p] = h;
        idx[p] = j;
      }
    }
    return k;
  }
}
