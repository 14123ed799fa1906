package org.twostep.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one wrap and minimal image of every torus: inside [0, L) in double and in float32, exact, loud on NaN. */
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

  /**
   * The float32 of a coordinate just below L can be L or above it (float(2 pi) > 2 pi, and float(1 - 1e-11) = 1): the
   * stored value must still lie in [0, L), for any L, as the simulation, the generators and the corrector store it.
   */
  @Test
  void aFloatCoordinateNeverReachesL() {
    for (double length : new double[] {L, 1.0, 4 * Math.PI, 0.3}) {
      for (double x : new double[] {-1e-10, -1e-300, Math.nextDown(length), length - 1e-9, -length - 1e-12}) {
        float f = Torus.toFloat(x, length);
        assertTrue(f >= 0 && f < length, "L = " + length + ": " + x + " -> " + f);
      }
      assertEquals((float) 0.25, Torus.toFloat(0.25 + 3 * length, length), 1e-5f);
    }
    assertTrue(Float.isNaN(Torus.toFloat(Double.NaN, L)));
    assertTrue(Float.isNaN(Torus.toFloat(Double.NEGATIVE_INFINITY, L)));
  }

  @Test
  void aNonFiniteCoordinateIsAnErrorNotAPoint() {
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Torus.wrap(x, L));
      assertTrue(e.getMessage().contains(Double.toString(x)), e.getMessage());
    }
  }

  /**
   * The minimal image lies in [-L/2, L/2], differs from d by whole periods, and its magnitude is min(t, L - t) of
   * t = |d| mod L to the last bit (the periodic ground cost of the W2 metrics was computed that way).
   */
  @Test
  void theMinimalImageIsExactAndShortest() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 200000; i++) {
      double d = i % 2 == 0 ? rng.nextDouble(-L, L) : rng.nextDouble(-40, 40);
      double m = Torus.minimalImage(d, L);
      assertTrue(Math.abs(m) <= L / 2, d + " -> " + m);
      double turns = (d - m) / L;
      assertEquals(Math.rint(turns), turns, 1e-12);
      double t = Math.abs(d) % L;
      assertEquals(Math.min(t, L - t), Math.abs(m), 0.0, "d = " + d);
    }
    assertEquals(L / 2, Torus.minimalImage(L / 2, L), 0.0);
    assertEquals(0.0, Torus.minimalImage(3 * L, L), 0.0);
    assertEquals(-0.5, Torus.minimalImage(L - 0.5, L), 1e-15);
    assertTrue(Double.isNaN(Torus.minimalImage(Double.NaN, L)));
  }
}
