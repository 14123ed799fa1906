package org.twostep.common.ot;

import java.util.Arrays;

/**
 * Near-optimal column prices for a dense assignment by Bertsekas' forward auction with
 * epsilon-scaling (Bertsekas 1988, "The auction algorithm: a distributed relaxation method for the
 * assignment problem"). A free row bids for its cheapest column {@code j1} under reduced costs
 * {@code C[i][j] - v[j]} and lowers {@code v[j1]} by the margin to its second best plus eps; each phase
 * ends with eps-complementary slackness and divides eps by {@link #SCALE}. Scaling avoids the price
 * wars of an eps = 0 auction (the augmenting row reduction of Jonker-Volgenant), which take seconds
 * on far-apart or same-law clouds. The prices, not the assignment, are the output: they seed the
 * exact shortest-augmenting-path phase of {@link JonkerVolgenant}.
 *
 * <p>Bids read a per-row candidate list of the {@link #LIST} cheapest columns instead of the whole
 * row. Prices only fall, so reduced costs only rise: a column off the list costs at least the bound
 * recorded when the list was built, and while the list's second best is within that bound the list
 * yields the row's exact best and second best. Otherwise the row is rescanned.
 */
final class AuctionPrices {
  /** Divisor of eps between phases (Bertsekas recommends 4 to 10). */
  static final double SCALE = 8.0;
  /** Candidate columns kept per row. */
  static final int LIST = 12;

  private final double[] c;
  private final int n;
  private final double[] v;
  private final int[] list;
  private final double[] listCost;
  private final double[] bound;

  private AuctionPrices(double[] c, int n, double[] v) {
    this.c = c;
    this.n = n;
    this.v = v;
    this.list = new int[n * LIST];
    this.listCost = new double[n * LIST]; // the costs beside their columns: a bid reads one cache line, not twelve
    this.bound = new double[n];
    Arrays.fill(bound, Double.NEGATIVE_INFINITY); // every list starts stale
  }

  /**
   * Lowers {@code v} in place through eps phases from {@code eps0} down to {@code epsFinal}, and
   * leaves the last phase's assignment (column -> row, eps-complementary slack) in {@code colsol}.
   * Requires n > LIST + 1 (smaller problems need no help).
   */
  static void refine(double[] c, int n, double[] v, double eps0, double epsFinal, int[] colsol) {
    new AuctionPrices(c, n, v).run(eps0, epsFinal, colsol);
  }

  private void run(double eps0, double epsFinal, int[] colsol) {
    int[] queue = new int[n];
    double eps = Math.max(eps0, epsFinal);
    while (true) {
      Arrays.fill(colsol, -1);
      for (int i = 0; i < n; i++) {
        queue[i] = i;
      }
      // a ring queue: each displaced row re-enters at the tail
      int head = 0;
      int size = n;
      while (size > 0) {
        int i = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        size--;
        int i0 = bid(i, eps, colsol);
        if (i0 >= 0) {
          int tail = head + size;
          queue[tail >= n ? tail - n : tail] = i0;
          size++;
        }
      }
      if (eps <= epsFinal) {
        return;
      }
      eps = Math.max(eps / SCALE, epsFinal);
    }
  }

  /** Row i bids; returns the row it displaces, or -1. */
  private int bid(int i, double eps, int[] colsol) {
    int lb = i * LIST;
    double w1 = Double.POSITIVE_INFINITY;
    double w2 = Double.POSITIVE_INFINITY;
    int j1 = -1;
    for (int k = 0; k < LIST; k++) {
      int j = list[lb + k];
      double h = listCost[lb + k] - v[j];
      if (h < w2) {
        if (h < w1) {
          w2 = w1;
          w1 = h;
          j1 = j;
        } else {
          w2 = h;
        }
      }
    }
    if (!(w2 <= bound[i])) {
      rebuild(i);
      return bid(i, eps, colsol);
    }
    v[j1] -= (w2 - w1) + eps;
    int i0 = colsol[j1];
    colsol[j1] = i;
    return i0;
  }

  /** Keeps the LIST cheapest columns of row i and the (LIST+1)-th reduced cost as bound. */
  private void rebuild(int i) {
    int base = i * n;
    int m = LIST + 1;
    double[] best = new double[m];
    int[] arg = new int[m];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      double h = c[base + j] - v[j];
      if (h < best[m - 1]) {
        int k = m - 1;
        while (k > 0 && best[k - 1] > h) {
          best[k] = best[k - 1];
          arg[k] = arg[k - 1];
          k--;
        }
        best[k] = h;
        arg[k] = j;
      }
    }
    System.arraycopy(arg, 0, list, i * LIST, LIST);
    for (int k = 0; k < LIST; k++) {
      listCost[i * LIST + k] = c[base + arg[k]];
    }
    bound[i] = best[LIST];
  }
}
