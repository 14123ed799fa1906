package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The assignment contract for Jonker-Volgenant, plus each of its phases on an instance that needs it, with the path
 * asserted: column reduction alone, augmenting row reduction, shortest augmenting paths after it, the auction whose
 * prices tighten to an exact optimum, the auction followed by augmentation, and the auction after row reduction. Each is certified (LP duality) and
 * checked against brute force or exact transport.
 */
class JonkerVolgenantTest extends AssignmentSolverContract {

  @Override
  AssignmentSolver solver() {
    return new JonkerVolgenant();
  }

  private static double[] uniform(long seed, int n, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * n];
    for (int k = 0; k < c.length; k++) {
      c[k] = r.nextDouble() * scale;
    }
    return c;
  }

  private static double[] smallIntegers(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * n];
    for (int k = 0; k < c.length; k++) {
      c[k] = r.nextInt(4);
    }
    return c;
  }

  /** Solves, asserts the phases, certifies, and checks the cost against brute force (n <= 8) or exact transport. */
  private static void assertPath(double[] c, int n, JonkerVolgenant.Phases expected) {
    JonkerVolgenant.Traced t = new JonkerVolgenant().solveTraced(c, n);
    assertEquals(expected, t.phases());
    assertCertificate(c, n, t.assignment());
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    double reference = n <= 8 ? bruteForce(c, n) : new ExactTransport().solve(w, w, c).cost();
    assertEquals(reference, t.assignment().cost(), 1e-9 * Math.max(1, reference));
  }

  @Test
  void columnReductionAloneSolvesADiagonallyCheapestInstance() {
    int n = 20;
    double[] c = uniform(1, n, 10);
    for (int i = 0; i < n; i++) {
      c[i * n + i] = -1; // every column's minimum in its own row: no row is left free
    }
    assertPath(c, n, new JonkerVolgenant.Phases(0, 0, false, 0));
  }

  @Test
  void augmentingRowReductionFreesTheRowsColumnReductionLeaves() {
    assertPath(uniform(1, 3, 10), 3, new JonkerVolgenant.Phases(1, 0, false, 0));
  }

  @Test
  void shortestAugmentingPathsFinishWhatRowReductionCannot() {
    assertPath(smallIntegers(14, 3), 3, new JonkerVolgenant.Phases(2, 1, false, 1));
  }

  @Test
  void theAuctionPricesTightenToAnExactOptimum() {
    // n > 13 (longer than a candidate list) with most rows free after column reduction
    assertPath(smallIntegers(14, 40), 40, new JonkerVolgenant.Phases(30, -1, true, 0));
  }

  @Test
  void rowsTheAuctionLeavesSlackAreReAugmented() {
    assertPath(uniform(0, 14, 10), 14, new JonkerVolgenant.Phases(8, -1, true, 4));
  }

  /**
   * Near identity but with 18 targets moved into one far cluster: column reduction leaves those 18 rows free (at most
   * n/8, so row reduction is tried), the rows bid against each other for the cluster without settling, and the
   * auction takes over, followed by augmentation.
   */
  @Test
  void aPriceWarRowReductionCannotSettleGoesToTheAuction() {
    int n = 300;
    SplittableRandom r = new SplittableRandom(n);
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    double[] y = Clouds.nearIdentity(r, x, 3, 0.02);
    for (int i = 0; i < 18; i++) {
      for (int d = 0; d < 3; d++) {
        y[i * 3 + d] = 5 + 0.001 * r.nextGaussian();
      }
    }
    assertPath(CostMatrices.squaredEuclidean(x, y, 3), n, new JonkerVolgenant.Phases(18, 18, true, 83));
  }

  @Test
  void auctionPathAndReductionPathAgree() {
    // the far regime takes the auction-priced path, near identity the reduction path: both must
    // reach the same optimum as exact transport on the same costs
    SplittableRandom r = new SplittableRandom(21);
    int n = 150;
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    boolean[] auction = {true, false};
    double[][] targets = {Clouds.ball(r, n, 2, 0, 0), Clouds.nearIdentity(r, x, 3, 0.05)};
    for (int k = 0; k < 2; k++) {
      double[] c = CostMatrices.squaredEuclidean(x, targets[k], 3);
      double[] w = new double[n];
      java.util.Arrays.fill(w, 1);
      double viaTransport = new ExactTransport().solve(w, w, c).cost();
      JonkerVolgenant.Traced t = new JonkerVolgenant().solveTraced(c, n);
      assertEquals(auction[k], t.phases().auction(), "the path this regime is meant to take");
      assertEquals(viaTransport, t.assignment().cost(), 1e-9 * viaTransport);
    }
  }
}
