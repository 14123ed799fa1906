package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/** The SPEC §6 metrics against closed forms: Gaussians, point masses on grids, 1D quantiles. */
class WassersteinTest {

  /** W2^2 between N(0, I) and N(m, diag(s^2)): |m|^2 + sum (s_k - 1)^2. */
  private static final double[] MEAN = {0.5, 0};
  private static final double[] SD = {1.2, 0.8};
  private static final double GAUSSIAN_W2SQ = 0.25 + 0.04 + 0.04;

  @Test
  void histogramW2ApproachesTheGaussianClosedForm() {
    // 2D, pinned seed; the error of the binned empirical W2 is positive (sampling and binning both
    // add cost) and shrinks as N and bins grow: 0.42-0.58 at (2000, 6), ~0.05 at (30000, 24)
    double coarse = Math.abs(gaussianHistogramW2sq(2000, 6, 61) - GAUSSIAN_W2SQ);
    double fine = Math.abs(gaussianHistogramW2sq(30000, 24, 61) - GAUSSIAN_W2SQ);
    assertTrue(fine < coarse / 4, "fine " + fine + " vs coarse " + coarse);
    assertTrue(fine < 0.08, "fine error " + fine);
  }

  @Test
  void histogramOfACloudAgainstItselfIsZero() {
    SplittableRandom r = new SplittableRandom(62);
    ParticleCloud a = ParticleCloud.ofRowMajor(3, Clouds.gaussian(r, 3000, 1, 2, 0.5));
    W2Result w = Wasserstein.histogram(a, a, 24, HistogramGrid.DEFAULT_PADDING);
    assertEquals(0, w.w2sq(), 1e-15);
    assertEquals(w.cellsA(), w.cellsB());
  }

  @Test
  void pointMassesOnAGridCostTheirCentreDistance() {
    // all of A in cell 1, all of B in cell 3 of a 4-cell box [0, 4]: w2sq = (3.5 - 1.5)^2
    HistogramGrid grid = HistogramGrid.box(4, new double[] {0}, new double[] {4});
    ParticleCloud a = ParticleCloud.ofColumns(new double[] {1.2, 1.9, 1.1});
    ParticleCloud b = ParticleCloud.ofColumns(new double[] {3.3, 3.0});
    W2Result w = Wasserstein.histogram(a, b, grid);
    assertEquals(4.0, w.w2sq(), 1e-12);
    assertEquals(2.0, w.w2(), 1e-12);
  }

  @Test
  void torusW2TakesTheShortWayAround() {
    // cells 0 and 7 of 8 on a torus of side 8 are neighbours: distance 1, not 7
    ParticleCloud a = ParticleCloud.ofColumns(new double[] {0.5, 0.4}, new double[] {4.5, 4.5});
    ParticleCloud b = ParticleCloud.ofColumns(new double[] {7.5, 7.6}, new double[] {4.5, 4.5});
    assertEquals(1.0, Wasserstein.periodic(a, b, 8, 8).w2sq(), 1e-12);
    assertEquals(49.0, Wasserstein.histogram(a, b, HistogramGrid.box(8, new double[] {0, 0}, new double[] {8, 8})).w2sq(), 1e-12);
  }

  @Test
  void projectedW2AveragesThePlanes() {
    // B is A moved by one cell along x only: x-y and x-z cost h^2, y-z nothing; mean 2h^2/3
    double side = 4;
    int bins = 8;
    double h = side / bins;
    ParticleCloud a = ParticleCloud.ofColumns(new double[] {0.3}, new double[] {1.1}, new double[] {2.2});
    ParticleCloud b = ParticleCloud.ofColumns(new double[] {0.3 + h}, new double[] {1.1}, new double[] {2.2});
    W2Result w = Wasserstein.projected(a, b, side, bins);
    assertEquals(2 * h * h / 3, w.w2sq(), 1e-12);
    assertEquals(2 * h / 3, w.w2(), 1e-12);
  }

  @Test
  void subsampleOfAllPointsIsTheExactEmd() {
    SplittableRandom r = new SplittableRandom(63);
    double[] x = Clouds.gaussian(r, 300, 1, 1);
    double[] y = Clouds.ball(r, 300, 1, 0);
    double exact = new JonkerVolgenant().solve(CostMatrices.squaredEuclidean(x, y, 2), 300).cost() / 300;
    ParticleCloud a = ParticleCloud.ofRowMajor(2, x);
    ParticleCloud b = ParticleCloud.ofRowMajor(2, y);
    assertEquals(exact, Wasserstein.subsample(a, b, 0, 1).w2sq(), 1e-12);
    assertEquals(exact, Wasserstein.subsample(a, b, 5000, 1).w2sq(), 1e-12, "n above the size takes all");
  }

  @Test
  void unequalPointCloudsMatchTheQuantileCoupling() {
    SplittableRandom r = new SplittableRandom(64);
    double[] x = Clouds.gaussian(r, 170, 1);
    double[] y = Clouds.uniform(r, 230, 1);
    double[] wa = new double[170];
    double[] wb = new double[230];
    Arrays.fill(wa, 1.0 / 170);
    Arrays.fill(wb, 1.0 / 230);
    double expected = ExactTransportTest.quantileCost(x, wa, y, wb);
    W2Result w = Wasserstein.subsample(ParticleCloud.ofRowMajor(1, x), ParticleCloud.ofRowMajor(1, y), 0, 0L);
    assertEquals(expected, w.w2sq(), 1e-9 * expected);
    assertEquals(170, w.cellsA());
    assertEquals(230, w.cellsB());
  }

  @Test
  void subsampleIsAPureFunctionOfTheSeed() {
    SplittableRandom r = new SplittableRandom(65);
    ParticleCloud a = ParticleCloud.ofRowMajor(4, Clouds.gaussian(r, 900, 1, 1, 1, 1));
    ParticleCloud b = ParticleCloud.ofRowMajor(4, Clouds.gaussian(r, 700, 1, 1, 1, 1.3));
    W2Result first = Wasserstein.subsample(a, b, 200, 7);
    assertEquals(first.w2sq(), Wasserstein.subsample(a, b, 200, 7).w2sq(), 0);
    assertNotEquals(first.w2sq(), Wasserstein.subsample(a, b, 200, 8).w2sq());
    assertEquals(200, first.cellsA());
  }

  @Test
  void rejectsEmptyMismatchedOrNonFiniteClouds() {
    ParticleCloud ok = ParticleCloud.ofColumns(new double[] {0, 1}, new double[] {0, 1});
    ParticleCloud empty = ParticleCloud.ofRowMajor(2, new double[0]);
    ParticleCloud line = ParticleCloud.ofColumns(new double[] {0, 1});
    ParticleCloud nan = ParticleCloud.ofColumns(new double[] {0, Double.NaN}, new double[] {0, 1});
    assertThrows(InvalidInputException.class, () -> Wasserstein.histogram(ok, empty, 4, 0.05));
    assertThrows(InvalidInputException.class, () -> Wasserstein.histogram(ok, line, 4, 0.05));
    assertThrows(InvalidInputException.class, () -> Wasserstein.subsample(ok, nan, 0, 1));
    assertThrows(InvalidInputException.class, () -> Wasserstein.histogram(ok, ok, 0, 0.05));
  }

  private static double gaussianHistogramW2sq(int n, int bins, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = Clouds.gaussian(r, n, 1, 1);
    double[] y = Clouds.gaussian(r, n, SD);
    for (int i = 0; i < n; i++) {
      y[2 * i] += MEAN[0];
      y[2 * i + 1] += MEAN[1];
    }
    return Wasserstein.histogram(ParticleCloud.ofRowMajor(2, x), ParticleCloud.ofRowMajor(2, y), bins, 0.05).w2sq();
  }
}
