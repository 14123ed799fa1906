package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The corrector's physical outputs on a torus lie in [0, L) as float32, also for a model value just below 0. */
class CoordinatesTest {

  /**
   * A model coordinate a hair below 0 wraps to a double a hair below L, whose float32 is L itself (or above it) for
   * L = 2 pi and L = 1: the stored particle must be 0 instead, the same point of the torus.
   */
  @Test
  void aTorusOutputJustBelowZeroIsStoredInsideTheDomain() {
    for (double length : new double[] {2 * Math.PI, 1.0}) {
      Coordinates c = Coordinates.torus(length, 1);
      float[] model = {-1e-10f, -1e-30f, (float) Math.nextDown(Coordinates.PERIOD), -(float) Coordinates.PERIOD};
      float[][] x = c.toPhysical(model, model.length);
      for (float v : x[0]) {
        assertTrue(v >= 0 && v < length, "L = " + length + ": stored " + v);
      }
    }
  }
}
