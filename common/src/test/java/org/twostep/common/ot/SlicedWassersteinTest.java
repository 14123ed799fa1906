package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

class SlicedWassersteinTest {
  private static ParticleCloud gaussian(int n, int d, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] cols = new double[d][n];
    for (int k = 0; k < d; k++) {
      for (int i = 0; i < n; i++) {
        cols[k][i] = r.nextGaussian() + (k == 0 ? shift : 0);
      }
    }
    return ParticleCloud.ofColumns(cols);
  }

  @Test
  void aShiftedCopyCostsTheShiftSquaredOverTheDimension() {
    // every projection of X + v is that of X moved by theta.v, and E[(theta.v)^2] = |v|^2 / d on the sphere
    for (int d : new int[] {2, 3, 4}) {
      ParticleCloud x = gaussian(500, d, 0, 1);
      ParticleCloud moved = gaussian(500, d, 0.8, 1);
      double sw = SlicedWasserstein.between(x, moved, 4000, 7).w2sq();
      assertEquals(0.64 / d, sw, 0.05 * 0.64 / d, "d = " + d);
    }
  }

  @Test
  void inOneDimensionItIsTheExactW2OfTheAssignmentSolver() {
    ParticleCloud a = gaussian(300, 1, 0, 3);
    ParticleCloud b = gaussian(300, 1, 0.4, 4);
    double exact = Wasserstein.subsample(a, b, 0, 1).w2sq();
    assertEquals(exact, SlicedWasserstein.between(a, b, 3, 1).w2sq(), 1e-9 * exact);
    // unequal sizes: the quantile walk against exact transport with uniform weights
    ParticleCloud c = gaussian(170, 1, -0.3, 5);
    double transport = Wasserstein.subsample(a, c, 0, 1).w2sq();
    assertEquals(transport, SlicedWasserstein.between(a, c, 2, 1).w2sq(), 1e-9 * transport);
  }

  @Test
  void aCloudIsAtZeroFromItselfAndTheSeedFixesTheDirections() {
    ParticleCloud x = gaussian(400, 3, 0, 9);
    assertEquals(0, SlicedWasserstein.between(x, x, 64, 1).w2sq(), 0);
    ParticleCloud y = gaussian(400, 3, 0.1, 10);
    assertEquals(SlicedWasserstein.between(x, y, 64, 5).w2sq(), SlicedWasserstein.between(x, y, 64, 5).w2sq(), 0);
    assertThrows(InvalidInputException.class, () -> SlicedWasserstein.between(x, y, 0, 5));
  }

  @Test
  void itsNoiseFloorFallsWithTheCloudSize() {
    // two independent samples of one law: the floor at n = 8000 is well below that at n = 500
    double small = SlicedWasserstein.between(gaussian(500, 4, 0, 11), gaussian(500, 4, 0, 12), 256, 1).w2sq();
    double large = SlicedWasserstein.between(gaussian(8000, 4, 0, 13), gaussian(8000, 4, 0, 14), 256, 1).w2sq();
    assertEquals(true, large < small / 5, large + " vs " + small);
  }
}
