package org.twostep.training.meanflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;

/** Time pairs, learning-rate schedule and sigma features against their definitions (SPEC §2). */
class SamplingAndFeaturesTest {

  @Test
  void timePairsAreOrderedWithTheStatedFlowMatchingFractionAndLogitNormalMedian() {
    int n = 20000;
    double[] t = new double[n];
    double[] r = new double[n];
    new TimeSampler(-0.4, 1.0, 0.25, 0).sample(new SplittableRandom(3), n, t, r, 0);
    int equal = 0;
    for (int i = 0; i < n; i++) {
      assertTrue(r[i] <= t[i] && r[i] > 0 && t[i] < 1);
      if (r[i] == t[i]) {
        equal++;
      }
    }
    assertEquals(5000, equal);
    // r of the r != t rows is the smaller of two logit-normal draws: P(min <= m) = 1 - (1/2)^2 at the median m
    double m = 1 / (1 + Math.exp(0.4));
    long below = Arrays.stream(r, 5000, n).filter(x -> x <= m).count();
    double p = below / 15000.0;
    double se = Math.sqrt(0.75 * 0.25 / 15000);
    assertTrue(Math.abs(p - 0.75) < 4 * se, "P(r <= median) " + p);
  }

  @Test
  void aWarmUpStartsAtPlainFlowMatchingAndFallsLinearlyToTheFraction() {
    TimeSampler s = new TimeSampler(0, 2, 0.25, 100);
    assertEquals(999, s.equalRows(1000, 0), "all but one row at step 0: every step keeps an average-velocity term");
    assertEquals(625, s.equalRows(1000, 50), "halfway: 1 - 0.75 / 2");
    assertEquals(250, s.equalRows(1000, 100));
    assertEquals(250, s.equalRows(1000, 5000));
    assertEquals(250, new TimeSampler(0, 2, 0.25, 0).equalRows(1000, 0), "no warm-up");
    double[] t = new double[1000];
    double[] r = new double[1000];
    s.sample(new SplittableRandom(1), 1000, t, r, 50);
    assertEquals(625, java.util.stream.IntStream.range(0, 1000).filter(i -> r[i] == t[i]).count());
  }

  @Test
  void cosineScheduleRunsFromLrToLrMin() {
    CosineSchedule s = new CosineSchedule(1e-3, 1e-5, 101);
    assertEquals(1e-3, s.at(0), 1e-15);
    assertEquals(0.5 * (1e-3 + 1e-5), s.at(50), 1e-15);
    assertEquals(1e-5, s.at(100), 1e-15);
  }

  @Test
  void sigmaFeaturesScaleTheTransformedGridToTheUnitInterval() {
    double[] grid = {20, 40, 160};
    SigmaFeatures f = SigmaFeatures.over(grid, SigmaFeatureKind.LINEAR, SigmaTransform.LOG, new double[0]);
    assertEquals(0.0, f.scaled(20), 1e-12);
    assertEquals(1.0, f.scaled(160), 1e-12);
    assertEquals(1.0 / 3.0, f.scaled(40), 1e-12); // log 40 - log 20 = log 2, a third of log 8
    assertTrue(f.scaled(200) > 1.0, "extrapolation leaves [0, 1]");
    float[] v = new float[5];
    f.write(160, v, 0);
    assertEquals(1f, v[0]);
    assertEquals((float) Math.sin(1), v[1]);
    assertEquals((float) Math.cos(2), v[4]);
    // KPP: sigma = D = 2^-k, the feature is k, decreasing in D
    SigmaFeatures k = SigmaFeatures.over(new double[] {0.25, 0.0884}, SigmaFeatureKind.SINUSOIDAL,
        SigmaTransform.NEGLOG2, new double[] {1, 2});
    assertEquals(0.0, k.scaled(0.25), 1e-12);
    assertEquals(4, k.count());
  }

  @Test
  void clampedFeaturesAnswerOutsideTheRangeAsAtItsNearestEnd() {
    SigmaFeatures f = SigmaFeatures.over(new double[] {20, 160}, SigmaFeatureKind.LINEAR, SigmaTransform.LOG,
        new double[0]);
    float[] atEnd = new float[5];
    float[] beyond = new float[5];
    float[] free = new float[5];
    f.write(160, atEnd, 0);
    f.writeClamped(200, beyond, 0);
    f.write(200, free, 0);
    assertTrue(Arrays.equals(atEnd, beyond), "above the range: the features of its top");
    assertTrue(free[0] > 1f, "unclamped features leave [0, 1]");
    f.write(20, atEnd, 0);
    f.writeClamped(10, beyond, 0);
    assertTrue(Arrays.equals(atEnd, beyond), "below the range: the features of its bottom");
    f.write(80, free, 0);
    f.writeClamped(80, beyond, 0);
    assertTrue(Arrays.equals(free, beyond), "inside the range nothing changes");
  }
}
