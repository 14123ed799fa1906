package org.twostep.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The torus seam: a density straddling the domain's edge becomes one contiguous blob in model coordinates. */
class TorusSeamTest {
  private static final double L = 2 * Math.PI;

  /** Two axes: x ~ N(0, 0.3) wrapped (straddles 0 = L), y ~ N(pi, 0.3) (well inside). */
  private static InMemoryTrainingData straddling(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] rows = new float[2 * n];
    for (int i = 0; i < n; i++) {
      double x = 0.3 * rng.nextGaussian();
      rows[2 * i] = (float) (x - L * Math.floor(x / L));
      rows[2 * i + 1] = (float) (Math.PI + 0.3 * rng.nextGaussian());
    }
    TreeMap<Double, float[]> bySigma = new TreeMap<>();
    bySigma.put(1.0, rows);
    return new InMemoryTrainingData(2, bySigma);
  }

  @Test
  void theSeamCutsWhereTheDensityIsLowestSoTheBlobIsContiguous() {
    InMemoryTrainingData data = straddling(20000, 1);
    Standardization plain = data.statistics();
    Standardization cut = Standardization.onTorus(data, L);
    // without the seam the wrapped blob looks like two half-blobs at 0 and L: spread ~ L/2
    assertTrue(plain.std()[0] > 2.5, "plain spread " + plain.std()[0]);
    // with it, the spread is the blob's own 0.3 (within sampling error and the bin width)
    assertEquals(0.3, cut.std()[0], 0.02);
    assertEquals(0.3, cut.std()[1], 0.02);
    double seamX = cut.seam()[0];
    assertTrue(Math.abs(seamX - Math.PI) < 1.0, "x is cut far from the blob at 0: " + seamX);
    double seamY = cut.seam()[1];
    assertTrue(Math.min(seamY, L - seamY) < 1.0, "y is cut far from the blob at pi: " + seamY);
  }

  @Test
  void inverseUndoesForwardModuloThePeriod() {
    Standardization cut = Standardization.onTorus(straddling(5000, 2), L);
    for (double x : new double[] {0.0, 0.01, 1.5, Math.PI, 6.0, L - 1e-6}) {
      for (int k = 0; k < 2; k++) {
        double back = cut.inverse(cut.forward(x, k), k);
        double wrapped = back - L * Math.floor(back / L);
        double dist = Math.abs(wrapped - x);
        assertTrue(Math.min(dist, L - dist) < 1e-9, "axis " + k + ": " + x + " -> " + wrapped);
      }
    }
  }

  @Test
  void theCardKeepsTheSeamAndAnOldCardHasNone() {
    Standardization cut = Standardization.onTorus(straddling(2000, 3), L);
    var entry = org.twostep.training.store.ModelCard.Normalization.of(cut);
    assertEquals(cut, entry.standardization());
    var euclidean = org.twostep.training.store.ModelCard.Normalization.of(new Standardization(new double[] {1, 2},
        new double[] {3, 4}));
    assertNull(euclidean.seam());
    assertNull(euclidean.period());
    assertEquals(new Standardization(new double[] {1, 2}, new double[] {3, 4}), euclidean.standardization());
  }
}
