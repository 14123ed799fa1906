package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ground costs: the periodic cost is the minimum over all images, the Euclidean one the plain sum. */
class GroundCostTest {

  @Test
  void periodicCostTakesTheMinimalImage() {
    GroundCost torus = GroundCost.periodic(2.0);
    // 0.1 and 1.9 are 0.2 apart across the boundary, not 1.8
    assertEquals(0.04, torus.between(new double[] {0.1}, 0, new double[] {1.9}, 0, 1), 1e-15);
    assertEquals(1.0, torus.between(new double[] {0.0}, 0, new double[] {1.0}, 0, 1), 1e-15, "half the side");
  }

  @Test
  void periodicCostEqualsBruteForceOverImages() {
    SplittableRandom r = new SplittableRandom(51);
    double side = 3.0;
    GroundCost torus = GroundCost.periodic(side);
    for (int t = 0; t < 1000; t++) {
      // coordinates may sit outside [0, L): several periods away
      double[] p = {r.nextDouble(-10, 10), r.nextDouble(-10, 10), r.nextDouble(-10, 10)};
      double[] q = {r.nextDouble(0, side), r.nextDouble(0, side), r.nextDouble(0, side)};
      double expected = 0;
      for (int k = 0; k < 3; k++) {
        double best = Double.POSITIVE_INFINITY;
        for (int shift = -6; shift <= 6; shift++) {
          double dk = p[k] - q[k] + shift * side;
          best = Math.min(best, dk * dk);
        }
        expected += best;
      }
      assertEquals(expected, torus.between(p, 0, q, 0, 3), 1e-9);
    }
  }

  @Test
  void squaredEuclideanReadsAtOffsets() {
    double[] p = {9, 9, 1, 2};
    double[] q = {4, 6, 9};
    assertEquals(9 + 16, GroundCost.squaredEuclidean().between(p, 2, q, 0, 2), 0);
    double[] c = CostMatrices.squaredEuclidean(new double[] {0, 0, 1, 1}, new double[] {1, 0}, 2);
    assertEquals(1, c[0], 0);
    assertEquals(1, c[1], 0);
  }

  @Test
  void rejectsANonPositiveSide() {
    assertThrows(IllegalArgumentException.class, () -> GroundCost.periodic(0));
    assertThrows(IllegalArgumentException.class, () -> GroundCost.periodic(Double.NaN));
  }
}
