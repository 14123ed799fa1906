package org.twostep.simulation.kpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultinomialResamplerTest {

  /**
   * N draws per call, each index drawn with probability w_i / sum(w): over many calls the counts pass a
   * chi-square test (df = 5; 30 is beyond the 0.9999 quantile), and zero weights are never drawn.
   */
  @Test
  void drawsInProportionToWeights() {
    double[] w = {0.5, 0.0, 3.0, 1.0, 0.0, 2.5, 1e-3, 3.0};
    int n = w.length;
    MultinomialResampler r = new MultinomialResampler(n);
    int[] ancestors = new int[n];
    long[] counts = new long[n];
    SplittableRandom rng = new SplittableRandom(42);
    int calls = 50000;
    for (int c = 0; c < calls; c++) {
      r.draw(w, rng, ancestors);
      for (int a : ancestors) {
        counts[a]++;
      }
    }
    double total = 10.001;
    double chi2 = 0;
    int cells = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] == 0) {
        assertEquals(0, counts[i], "index " + i + " has zero weight");
        continue;
      }
      double expected = (double) calls * n * w[i] / total;
      chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
      cells++;
    }
    assertEquals(6, cells);
    assertTrue(chi2 < 30, "chi-square " + chi2);
  }

  /** A degenerate weight vector puts every particle on its one positive index; N is kept. */
  @Test
  void singlePositiveWeightTakesAll() {
    int n = 1000;
    double[] w = new double[n];
    w[n - 1] = 1e-200;
    int[] ancestors = new int[n];
    new MultinomialResampler(n).draw(w, new SplittableRandom(1), ancestors);
    for (int a : ancestors) {
      assertEquals(n - 1, a);
    }
  }

  @Test
  void rejectsAllZeroWeights() {
    assertThrows(IllegalArgumentException.class,
        () -> new MultinomialResampler(3).draw(new double[3], new SplittableRandom(1), new int[3]));
  }
}
