package org.twostep.common.ot;

import org.twostep.common.error.InvalidInputException;

/**
 * Dense linear assignment by Jonker and Volgenant (1987), "A shortest augmenting path algorithm for
 * dense and sparse linear assignment problems", Computing 38: column reduction, reduction transfer,
 * two rounds of augmenting row reduction, then a Dijkstra-like shortest augmenting path for every row
 * still free. The initialisation solves most rows of a near-identity problem (what a trained Stage II
 * corrector sees) before any augmentation.
 *
 * <p>When column reduction leaves many rows free (same-law or far-apart clouds), the eps = 0 bidding
 * of augmenting row reduction turns into a price war that takes seconds at n = 1500. Those instances
 * take an eps-scaling auction ({@link AuctionPrices}) instead, whose eps-optimal prices and assignment
 * are made exactly complementary-slack where possible; the remaining rows take shortest augmenting
 * paths. The augmentation keeps the reduced costs {@code C[i][j] - v[j] - u[i]} non-negative and zero
 * on the assignment, so the returned potentials certify optimality (LP duality).
 *
 * <p>Stateless and thread-safe; O(n) work arrays per call (O(12 n) during the auction). Exact in
 * float64 up to the rounding of the potential updates (relative ~1e-15 per operation).
 */
public final class JonkerVolgenant implements AssignmentSolver {
  /** Bid budget of one augmenting-row-reduction round, per row. */
  private static final int ARR_BIDS = 4;
  /** Column reduction leaving more than n / MANY_FREE rows free goes straight to the auction. */
  private static final int MANY_FREE = 8;
  /** Free rows left after the reductions above which the auction refines the prices first. */
  private static final int FEW_FREE = 16;
  /** First auction eps, relative to the cost spread (max - min entry); tuned on the benchmark regimes. */
  private static final double EPS_START = 0.02;
  /** Last auction eps, relative to the cost spread. */
  private static final double EPS_FINAL = 1e-7;

  @Override
  public Assignment solve(double[] c, int n) {
    return solveTraced(c, n).assignment();
  }

  /**
   * Which phases a solve went through (each solves a different kind of instance, and a test of one must know it ran).
   *
   * @param freeAfterReduction rows column reduction left free
   * @param freeAfterRowReduction rows the augmenting row reductions left free (-1: skipped for the auction)
   * @param auction whether the auction set the prices
   * @param augmented rows that took a shortest augmenting path
   */
  record Phases(int freeAfterReduction, int freeAfterRowReduction, boolean auction, int augmented) {}

  /** The optimal assignment and the phases that found it. */
  record Traced(Assignment assignment, Phases phases) {}

  Traced solveTraced(double[] c, int n) {
    check(c, n);
    int[] rowsol = new int[n];
    int[] colsol = new int[n];
    double[] v = new double[n];
    int[] free = new int[n];
    int numFree = initialise(c, n, rowsol, colsol, v, free);
    int freeAfterReduction = numFree;
    int freeAfterRowReduction = -1;
    boolean auction = n > AuctionPrices.LIST + 1 && numFree > n / MANY_FREE;
    if (!auction) {
      numFree = augmentingRowReduction(c, n, rowsol, colsol, v, free, numFree, ARR_BIDS * n);
      if (numFree > 0) {
        numFree = augmentingRowReduction(c, n, rowsol, colsol, v, free, numFree, ARR_BIDS * n);
      }
      freeAfterRowReduction = numFree;
      auction = n > AuctionPrices.LIST + 1 && numFree > FEW_FREE;
    }
    if (auction) {
      // a hard instance: the auction brings prices within eps of optimal, then its assignment is
      // made exactly complementary-slack and only the rows that cannot be are re-augmented
      double spread = spread(c);
      AuctionPrices.refine(c, n, v, spread * EPS_START, spread * EPS_FINAL, colsol);
      numFree = tighten(c, n, rowsol, colsol, v, free);
    }
    Phases phases = new Phases(freeAfterReduction, freeAfterRowReduction, auction, numFree);
    augment(c, n, rowsol, colsol, v, free, numFree);
    double[] u = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double cij = c[i * n + rowsol[i]];
      u[i] = cij - v[rowsol[i]];
      total += cij;
    }
    return new Traced(new Assignment(rowsol, total, u, v), phases);
  }

  /**
   * Turns the auction's eps-complementary-slack assignment (colsol) into an exactly slack one for as
   * many rows as possible: each assigned column's price rises by its row's slack, so the pair is
   * tight; a row that another raised column now undercuts is freed. Returns the number of free rows.
   */
  private static int tighten(double[] c, int n, int[] rowsol, int[] colsol, double[] v, int[] free) {
    double[] raise = new double[n];
    for (int j = 0; j < n; j++) {
      rowsol[colsol[j]] = j;
    }
    for (int i = 0; i < n; i++) {
      int base = i * n;
      double min = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        min = Math.min(min, c[base + j] - v[j]);
      }
      int j = rowsol[i];
      raise[j] = c[base + j] - v[j] - min;
    }
    for (int j = 0; j < n; j++) {
      v[j] += raise[j];
    }
    int numFree = 0;
    for (int i = 0; i < n; i++) {
      int base = i * n;
      int j0 = rowsol[i];
      double own = c[base + j0] - v[j0];
      for (int j = 0; j < n; j++) {
        if (c[base + j] - v[j] < own) {
          colsol[j0] = -1;
          rowsol[i] = -1;
          free[numFree++] = i;
          break;
        }
      }
    }
    return numFree;
  }

  private static double spread(double[] c) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : c) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return Math.max(hi - lo, Double.MIN_NORMAL);
  }

  private static void check(double[] c, int n) {
    if (n < 1) {
      throw new InvalidInputException("assignment size must be >= 1, found " + n);
    }
    if (c.length != (long) n * n) {
      throw new InvalidInputException("cost matrix has " + c.length + " entries, expected n*n = " + (long) n * n);
    }
    for (double x : c) {
      if (!Double.isFinite(x)) {
        throw new InvalidInputException("cost matrix holds a non-finite entry: " + x);
      }
    }
  }

  /** Column reduction (row-major scan for the column minima) and reduction transfer; returns #free rows. */
  private static int initialise(double[] c, int n, int[] rowsol, int[] colsol, double[] v, int[] free) {
    int[] argmin = new int[n];
    System.arraycopy(c, 0, v, 0, n);
    for (int i = 1; i < n; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        if (c[base + j] < v[j]) {
          v[j] = c[base + j];
          argmin[j] = i;
        }
      }
    }
    int[] matches = new int[n];
    java.util.Arrays.fill(rowsol, -1);
    for (int j = n - 1; j >= 0; j--) {
      int i = argmin[j];
      if (++matches[i] == 1) {
        rowsol[i] = j;
        colsol[j] = i;
      } else if (v[j] < v[rowsol[i]]) {
        // keep the cheaper column for row i
        int j1 = rowsol[i];
        rowsol[i] = j;
        colsol[j] = i;
        colsol[j1] = -1;
      } else {
        colsol[j] = -1;
      }
    }
    int numFree = 0;
    for (int i = 0; i < n; i++) {
      if (matches[i] == 0) {
        free[numFree++] = i;
      } else if (matches[i] == 1) {
        // reduction transfer: lower the price of the only column of i by its second-best margin
        int j1 = rowsol[i];
        int base = i * n;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (j != j1) {
            double h = c[base + j] - v[j];
            if (h < min) {
              min = h;
            }
          }
        }
        if (min != Double.POSITIVE_INFINITY) {
          v[j1] -= min;
        }
      }
    }
    return numFree;
  }

  /** One round of augmenting row reduction (auction-like bidding of free rows); returns #free rows. */
  private static int augmentingRowReduction(
      double[] c, int n, int[] rowsol, int[] colsol, double[] v, int[] free, int prvNumFree, int budget) {
    int numFree = 0;
    int k = 0;
    while (k < prvNumFree) {
      if (budget-- == 0) {
        // out of bids: the rest stay free for the augmentation phase
        while (k < prvNumFree) {
          free[numFree++] = free[k++];
        }
        break;
      }
      int i = free[k++];
      int base = i * n;
      double umin = c[base] - v[0];
      int j1 = 0;
      int j2 = -1;
      double usubmin = Double.POSITIVE_INFINITY;
      for (int j = 1; j < n; j++) {
        double h = c[base + j] - v[j];
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      int i0 = colsol[j1];
      boolean strict = umin < usubmin;
      if (strict) {
        v[j1] -= usubmin - umin; // the bid: j1 becomes as dear as the second best
      } else if (i0 >= 0 && j2 >= 0) {
        j1 = j2; // a tie: take the second column instead of displacing a row for nothing
        i0 = colsol[j1];
      }
      rowsol[i] = j1;
      colsol[j1] = i;
      if (i0 >= 0) {
        rowsol[i0] = -1;
        if (strict) {
          free[--k] = i0; // the displaced row bids at once
        } else {
          free[numFree++] = i0;
        }
      }
    }
    return numFree;
  }

  /** Shortest augmenting paths from every free row (Dijkstra on reduced costs, dense). */
  private static void augment(double[] c, int n, int[] rowsol, int[] colsol, double[] v, int[] free, int numFree) {
    double[] d = new double[n];
    int[] pred = new int[n];
    int[] collist = new int[n];
    for (int f = 0; f < numFree; f++) {
      int freeRow = free[f];
      int base = freeRow * n;
      for (int j = 0; j < n; j++) {
        d[j] = c[base + j] - v[j];
        pred[j] = freeRow;
        collist[j] = j;
      }
      int low = 0;
      int up = 0;
      int last = 0;
      int endOfPath = -1;
      double min = 0;
      // collist[0, low): scanned; [low, up): at distance min, to scan; [up, n): not yet reached
      while (endOfPath < 0) {
        if (up == low) {
          last = low - 1;
          min = d[collist[up++]];
          for (int k = up; k < n; k++) {
            int j = collist[k];
            double h = d[j];
            if (h <= min) {
              if (h < min) {
                up = low;
                min = h;
              }
              collist[k] = collist[up];
              collist[up++] = j;
            }
          }
          for (int k = low; k < up; k++) {
            if (colsol[collist[k]] < 0) {
              endOfPath = collist[k];
              break;
            }
          }
        }
        if (endOfPath < 0) {
          int j1 = collist[low++];
          int i = colsol[j1];
          int bi = i * n;
          double h = c[bi + j1] - v[j1] - min;
          for (int k = up; k < n; k++) {
            int j = collist[k];
            double v2 = c[bi + j] - v[j] - h;
            if (v2 < d[j]) {
              pred[j] = i;
              if (v2 <= min) {
                // rounding can put v2 a hair below min: it is still at the current distance
                v2 = min;
                if (colsol[j] < 0) {
                  d[j] = v2;
                  endOfPath = j;
                  break;
                }
                collist[k] = collist[up];
                collist[up++] = j;
              }
              d[j] = v2;
            }
          }
        }
      }
      // price update of the scanned columns keeps reduced costs non-negative
      for (int k = 0; k <= last; k++) {
        int j1 = collist[k];
        v[j1] += d[j1] - min;
      }
      int i;
      do {
        i = pred[endOfPath];
        colsol[endOfPath] = i;
        int j1 = endOfPath;
        endOfPath = rowsol[i];
        rowsol[i] = j1;
      } while (i != freeRow);
    }
  }
}
