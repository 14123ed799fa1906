package org.twostep.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.ot.Wasserstein;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.config.MetricKind;

/**
 * Every configured distance: identical clouds give 0, and a translate by v gives W2 = |v| (the exact W2 between a
 * measure and its translate) within the binning error. Binning moves each point at most to its cell centre, at most
 * sqrt(d) h / 2 away for cells of width h, so the binned W2 is within sqrt(d) h of the exact one on each side.
 */
class ReferenceMetricTest {
  static final double TWO_PI = 2 * Math.PI;

  static EvaluateConfig config(MetricKind kind) {
    return new EvaluateConfig(kind, 24, 0.05, 32, 2000, 64, TWO_PI, List.of(), true);
  }

  static ParticleCloud gaussian(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextGaussian();
    }
    return ParticleCloud.ofRowMajor(d, c);
  }

  /** A blob of standard deviation 0.4 around the torus centre (a translate of uniform would be uniform again). */
  static ParticleCloud torusBlob(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.PI + 0.4 * r.nextGaussian();
    }
    return ParticleCloud.ofRowMajor(d, c);
  }

  static ParticleCloud torusUniform(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextDouble() * TWO_PI;
    }
    return ParticleCloud.ofRowMajor(d, c);
  }

  /** The cloud translated by v; on the torus wrapped back into [0, L). */
  static ParticleCloud shift(ParticleCloud c, double[] v, boolean torus) {
    double[] x = c.toRowMajor();
    for (int i = 0; i < x.length; i++) {
      x[i] += v[i % c.dim()];
      if (torus) {
        x[i] = ((x[i] % TWO_PI) + TWO_PI) % TWO_PI;
      }
    }
    return ParticleCloud.ofRowMajor(c.dim(), x);
  }

  @Test
  void identicalCloudsGiveZeroForEveryMetric() {
    ParticleCloud g3 = gaussian(1500, 3, 1);
    ParticleCloud g4 = gaussian(800, 4, 2);
    assertEquals(0.0, ReferenceMetric.of(config(MetricKind.HISTOGRAM), g3, 7).measure(g3).w2sq(), 0.0);
    assertEquals(0.0, ReferenceMetric.of(config(MetricKind.SUBSAMPLE), g4, 7).measure(g4).w2sq(), 1e-12,
        "subsample n >= size uses every point");
    ParticleCloud t2 = torusUniform(1500, 2, 3);
    ParticleCloud t3 = torusUniform(1500, 3, 4);
    assertEquals(0.0, ReferenceMetric.of(config(MetricKind.TORUS), t2, 7).measure(t2).w2sq(), 0.0);
    assertEquals(0.0, ReferenceMetric.of(config(MetricKind.PROJECTED), t3, 7).measure(t3).w2sq(), 0.0);
    assertEquals(0.0, ReferenceMetric.of(config(MetricKind.SLICED), g4, 7).measure(g4).w2sq(), 0.0);
  }

  @Test
  void theSlicedMetricChargesAShiftItsSquareOverTheDimensionAndReportsSpilledMass() {
    ParticleCloud ref = gaussian(3000, 4, 5);
    double[] v = {0.6, -0.3, 0.2, 0.1};
    double sq = 0.36 + 0.09 + 0.04 + 0.01;
    EvaluateConfig many = new EvaluateConfig(MetricKind.SLICED, 24, 0.05, 32, 2000, 4000, TWO_PI, List.of(), true);
    ReferenceMetric metric = ReferenceMetric.of(many, ref, 7);
    assertEquals(sq / 4, metric.measure(shift(ref, v, false)).w2sq(), 0.05 * sq / 4);
    assertEquals(4000, many.bins(), "the bins column holds the directions");
    assertTrue(metric.outsideMass(shift(ref, new double[] {100, 0, 0, 0}, false)) == 1.0);
  }

  @Test
  void aShiftedGaussianGivesTheShiftWithinTheBinningError() {
    ParticleCloud ref = gaussian(4000, 3, 5);
    double[] v = {0.6, -0.3, 0.2};
    double norm = Math.sqrt(0.36 + 0.09 + 0.04);
    Distance d = ReferenceMetric.of(config(MetricKind.HISTOGRAM), ref, 7).measure(shift(ref, v, false));
    double h = 0;
    for (int k = 0; k < 3; k++) {
      double[] col = ref.column(k);
      double extent = java.util.Arrays.stream(col).max().orElseThrow() - java.util.Arrays.stream(col).min().orElseThrow();
      h = Math.max(h, 1.1 * extent / 24);
    }
    assertEquals(norm, d.w2(), Math.sqrt(3) * h, "h = " + h);
    assertEquals(d.w2() * d.w2(), d.w2sq(), 1e-12);
    // the histogram sees the shift, not only the noise: far more than an identical cloud's 0
    assertTrue(d.w2sq() > 0.5 * norm * norm, "w2sq " + d.w2sq());
  }

  @Test
  void aShiftOnTheTorusGivesTheShiftPerPlane() {
    double h = TWO_PI / 32;
    ParticleCloud t2 = torusBlob(4000, 2, 6);
    Distance d2 = ReferenceMetric.of(config(MetricKind.TORUS), t2, 7).measure(shift(t2, new double[] {0.5, 0}, true));
    assertEquals(0.5, d2.w2(), Math.sqrt(2) * h);
    // a shift by L - 0.5 is the minimal image -0.5: the same distance
    Distance wrapped = ReferenceMetric.of(config(MetricKind.TORUS), t2, 7)
        .measure(shift(t2, new double[] {TWO_PI - 0.5, 0}, true));
    assertEquals(d2.w2(), wrapped.w2(), Math.sqrt(2) * h);
    // uniform on the torus is translation invariant: its translate is the same law, far below the blob's 0.25
    ParticleCloud u = torusUniform(4000, 2, 8);
    Distance same = ReferenceMetric.of(config(MetricKind.TORUS), u, 7).measure(shift(u, new double[] {0.5, 0}, true));
    assertTrue(same.w2sq() < 0.5 * d2.w2sq(), "uniform " + same.w2sq() + " vs blob " + d2.w2sq());
    ParticleCloud t3 = torusBlob(4000, 3, 7);
    Distance d3 = ReferenceMetric.of(config(MetricKind.PROJECTED), t3, 7)
        .measure(shift(t3, new double[] {0.5, 0, 0}, true));
    // planes x-y and x-z see the shift 0.5, plane y-z none: mean w2sq (0.25 + 0.25 + 0) / 3
    assertEquals(0.5 / 3, d3.w2sq(), 2 * 0.5 * Math.sqrt(2) * h);
  }

  @Test
  void theSubsampleEmdOfATranslateIsExactlyTheShiftAndRepeatable() {
    ParticleCloud ref = gaussian(1200, 4, 8);
    double[] v = {0.3, 0, -0.4, 0};
    EvaluateConfig all = new EvaluateConfig(MetricKind.SUBSAMPLE, 24, 0.05, 32, 5000, 64, TWO_PI, List.of(), true);
    // every point: the translate is the optimal matching, W2^2 = |v|^2 (it cannot beat the mean shift)
    assertEquals(0.25, ReferenceMetric.of(all, ref, 1).measure(shift(ref, v, false)).w2sq(), 1e-9);
    EvaluateConfig some = new EvaluateConfig(MetricKind.SUBSAMPLE, 24, 0.05, 32, 300, 64, TWO_PI, List.of(), true);
    Distance a = ReferenceMetric.of(some, ref, 42).measure(shift(ref, v, false));
    assertEquals(a, ReferenceMetric.of(some, ref, 42).measure(shift(ref, v, false)), "a pure function of the seed");
    assertTrue(a.w2sq() > 0.25, "independent subsamples add sampling noise on top of the shift: " + a.w2sq());
  }

  /**
   * The particle-level view is the exact EMD of the subsamples with the domain's cost: every point of a translate
   * costs exactly |v|^2 in R^d; on the torus a blob moved across the seam costs its shift under the periodic cost
   * (in unwrapped coordinates it would cost nearly L^2), whatever the binned metric beside it; off, it is NaN.
   */
  @Test
  void theParticleViewIsTheExactEmdWithTheDomainsCost() {
    ParticleCloud ref = gaussian(1000, 3, 4);
    double[] v = {0.3, -0.4, 0};
    EvaluateConfig hist = new EvaluateConfig(MetricKind.HISTOGRAM, 24, 0.05, 32, 5000, 64, TWO_PI, List.of(), true);
    ReferenceMetric histogram = ReferenceMetric.of(hist, ref, 1);
    assertEquals(0.25, histogram.particle(shift(ref, v, false), histogram.measure(shift(ref, v, false))), 1e-9);

    ParticleCloud blob = shift(torusBlob(800, 2, 5), new double[] {Math.PI, 0}, true); // straddles x = 0 = 2 pi
    double[] w = {0.5, 0};
    EvaluateConfig torus = new EvaluateConfig(MetricKind.TORUS, 24, 0.05, 32, 5000, 64, TWO_PI, List.of(), true);
    ReferenceMetric onTorus = ReferenceMetric.of(torus, blob, 1);
    assertEquals(0.25, onTorus.particle(shift(blob, w, true), onTorus.measure(shift(blob, w, true))), 1e-9);
    double euclidean = Wasserstein.subsample(blob, shift(blob, w, true), 5000, 1).w2sq();
    assertTrue(euclidean > 1.0, "the seam costs the Euclidean EMD " + euclidean);

    EvaluateConfig off = new EvaluateConfig(MetricKind.HISTOGRAM, 24, 0.05, 32, 5000, 64, TWO_PI, List.of(), false);
    assertTrue(Double.isNaN(ReferenceMetric.of(off, ref, 1).particle(ref, new Distance(0, 0))));

    // under the subsample EMD the view is the measurement itself, equal to solving it anew
    EvaluateConfig some = new EvaluateConfig(MetricKind.SUBSAMPLE, 24, 0.05, 32, 300, 64, TWO_PI, List.of(), true);
    ReferenceMetric subsample = ReferenceMetric.of(some, ref, 42);
    ParticleCloud moved = shift(ref, v, false);
    Distance measured = subsample.measure(moved);
    assertEquals(Wasserstein.subsample(ref, moved, 300, 42).w2sq(), subsample.particle(moved, measured), 0.0);
  }
}
