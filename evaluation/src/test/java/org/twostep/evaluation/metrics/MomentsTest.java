package org.twostep.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;

/** Moments from points and from raw sums agree; shifts move only the mean, scalings only the covariance. */
class MomentsTest {

  static ParticleCloud gaussian(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextGaussian() * (1 + i % d) + 3 * (i % d);
    }
    return ParticleCloud.ofRowMajor(d, c);
  }

  static ParticleCloud map(ParticleCloud c, double scale, double[] shift) {
    double[] x = c.toRowMajor();
    for (int i = 0; i < x.length; i++) {
      x[i] = scale * x[i] + shift[i % c.dim()];
    }
    return ParticleCloud.ofRowMajor(c.dim(), x);
  }

  @Test
  void rawMomentsGiveTheTwoPassCovariance() {
    ParticleCloud c = gaussian(5000, 3, 1);
    double[] mean = new double[3];
    double[] second = new double[6];
    for (int p = 0; p < c.size(); p++) {
      double[] x = {c.get(p, 0), c.get(p, 1), c.get(p, 2)};
      double[] u = Moments.upperProducts(x);
      for (int k = 0; k < 3; k++) {
        mean[k] += x[k] / c.size();
      }
      for (int k = 0; k < 6; k++) {
        second[k] += u[k] / c.size();
      }
    }
    Moments direct = Moments.of(c);
    Moments raw = Moments.ofRaw(mean, second);
    for (int i = 0; i < 3; i++) {
      assertEquals(direct.mean(i), raw.mean(i), 1e-12);
      for (int j = 0; j < 3; j++) {
        assertEquals(direct.covariance(i, j), raw.covariance(i, j), 1e-9);
      }
    }
    assertEquals(4.0, direct.covariance(1, 1), 0.3, "axis 1 has standard deviation 2");
  }

  @Test
  void aShiftMovesOnlyTheMeanAndAScalingOnlyTheCovariance() {
    ParticleCloud c = gaussian(2000, 4, 2);
    Moments m = Moments.of(c);
    assertEquals(new MomentErrors(0, 0), MomentErrors.between(m, Moments.of(c)));
    MomentErrors shifted = MomentErrors.between(m, Moments.of(map(c, 1, new double[] {3, 4, 0, 0})));
    assertEquals(5.0, shifted.meanError(), 1e-9);
    assertEquals(0.0, shifted.covError(), 1e-9);
    double frob = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        frob += m.covariance(i, j) * m.covariance(i, j);
      }
    }
    // x -> 2x scales the covariance by 4: the error is 3 |C|_F, and the mean moves by |mean|
    MomentErrors scaled = MomentErrors.between(m, Moments.of(map(c, 2, new double[4])));
    assertEquals(3 * Math.sqrt(frob), scaled.covError(), 1e-9 * Math.sqrt(frob));
  }
}
