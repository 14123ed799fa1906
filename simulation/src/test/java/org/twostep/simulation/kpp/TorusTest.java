package org.twostep.simulation.kpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TorusTest {
  private static final double L = 2 * Math.PI;

  @Test
  void wrapKeepsPointsInsideAndIsPeriodic() {
    double[] cases = {-1e-300, -1e-17, -0.0, L, L - 1e-16, 2 * L + 0.5, -L - 0.5, 1e6, -1e6, Math.nextDown(L)};
    for (double x : cases) {
      double w = Torus.wrap(x, L);
      assertTrue(w >= 0 && w < L, x + " -> " + w);
    }
    assertEquals(0.5, Torus.wrap(2 * L + 0.5, L), 1e-14);
    assertEquals(L - 0.5, Torus.wrap(-L - 0.5, L), 1e-14);
    assertEquals(1.25, Torus.wrap(1.25, L), 0); // inside: untouched
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 100000; i++) {
      double x = rng.nextDouble(-50, 50);
      double w = Torus.wrap(x, L);
      assertTrue(w >= 0 && w < L);
      double turns = (x - w) / L;
      assertEquals(Math.rint(turns), turns, 1e-9);
    }
  }
}
