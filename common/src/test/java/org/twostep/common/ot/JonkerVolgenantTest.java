package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The assignment contract for Jonker-Volgenant, plus both of its paths against each other. */
class JonkerVolgenantTest extends AssignmentSolverContract {

  @Override
  AssignmentSolver solver() {
    return new JonkerVolgenant();
  }

  @Test
  void auctionPathAndReductionPathAgree() {
    // the far regime takes the auction-priced path, near identity the reduction path: both must
    // reach the same optimum as brute-force-verified transport on the same costs
    SplittableRandom r = new SplittableRandom(21);
    int n = 150;
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    for (double[] y : new double[][] {Clouds.ball(r, n, 2, 0, 0), Clouds.nearIdentity(r, x, 3, 0.05)}) {
      double[] c = CostMatrices.squaredEuclidean(x, y, 3);
      double[] w = new double[n];
      java.util.Arrays.fill(w, 1);
      double viaTransport = new ExactTransport().solve(w, w, c, false).cost();
      assertEquals(viaTransport, new JonkerVolgenant().solve(c, n).cost(), 1e-9 * viaTransport);
    }
  }
}
