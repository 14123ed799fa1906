package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.meanflow.SigmaFeatures;

/** The corrector's weight beyond its training range, in grid steps of the transformed sigma, and its config key. */
class TrustFadeTest {
  // KPP's grid: D = 2^-k, k = 2.0 .. 3.5 in 7 steps of 0.25, features in k
  static final double[] GRID = java.util.stream.IntStream.range(0, 7).mapToDouble(i -> d(2.0 + 0.25 * i)).toArray();
  static final SigmaFeatures K = SigmaFeatures.over(GRID, SigmaFeatureKind.LINEAR, SigmaTransform.NEGLOG2,
      new double[0]);

  static double d(double k) {
    return Math.pow(2, -k);
  }

  @Test
  void wholeInRangeThenFallingLinearlyPerGridStepBeyondEitherEnd() {
    TrustFade two = new TrustFade(2);
    for (double k = 2.0; k <= 3.5; k += 0.125) {
      assertEquals(1.0, two.weight(K, GRID.length, d(k)), 1e-12, "in range at k = " + k);
    }
    assertEquals(0.5, two.weight(K, GRID.length, d(3.75)), 1e-3, "one step beyond the small-D end");
    assertEquals(0.0, two.weight(K, GRID.length, d(4.0)), 1e-3, "two steps beyond");
    assertEquals(0.0, two.weight(K, GRID.length, d(4.5)), 0.0, "never negative");
    assertEquals(0.75, new TrustFade(4).weight(K, GRID.length, d(1.75)), 1e-3, "one step beyond the large-D end");
  }

  @Test
  void fullIsOneEverywhereAndZeroIsTheGeneratorAloneBeyond() {
    assertEquals(1.0, TrustFade.FULL.weight(K, GRID.length, d(6)), 0.0);
    assertEquals(0.0, new TrustFade(0).weight(K, GRID.length, d(3.6)), 0.0);
    assertEquals(1.0, new TrustFade(0).weight(K, GRID.length, d(3.5)), 0.0);
    assertEquals("", TrustFade.FULL.hashSuffix());
    assertTrue(new TrustFade(2).hashSuffix().startsWith("-t2"));
  }

  @Test
  void theKeyReadsNoneOrANonNegativeNumberAndRefusesTheRest() {
    assertTrue(TrustFade.from(ConfigFactory.parseString("dp.trust_width = none")).full());
    assertTrue(TrustFade.from(ConfigFactory.empty()).full());
    assertEquals(1.5, TrustFade.from(ConfigFactory.parseString("dp.trust_width = 1.5")).widthSteps(), 0.0);
    for (String bad : new String[] {"-1", "soon", "[1]"}) {
      InvalidConfigException e = assertThrows(InvalidConfigException.class,
          () -> TrustFade.from(ConfigFactory.parseString("dp.trust_width = " + bad)));
      assertTrue(e.getMessage().contains("dp.trust_width"), e.getMessage());
    }
  }

  /**
   * Scaling a correction scales the shortest move: on a torus (model period 2pi) an output of y + 2pi - 0.2 is a move
   * of -0.2, so half of it lands at y - 0.1, not half way round; in R^d the move is taken as it is.
   */
  @Test
  void blendingScalesTheMinimalImageOnATorus() {
    Coordinates torus = Coordinates.torus(1.0, 2);
    float[] y = {0.1f, 3.0f};
    float[] r = {(float) (0.1 + 2 * Math.PI - 0.2), 3.4f};
    TrustFade.blend(y, r, 0.5, torus);
    assertEquals(0.0, r[0], 1e-6);
    assertEquals(3.2, r[1], 1e-6);
    Coordinates plane = Coordinates.euclidean(new org.twostep.training.data.Standardization(new double[2],
        new double[] {1, 1}));
    float[] far = {(float) (0.1 + 2 * Math.PI - 0.2), 3.4f};
    TrustFade.blend(y, far, 0.5, plane);
    assertEquals(0.1 + (2 * Math.PI - 0.2) / 2, far[0], 1e-6);
  }
}
