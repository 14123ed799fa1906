package org.twostep.evaluation.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.evaluation.Configs;
import org.twostep.evaluation.warmstart.Start;

/** The evaluate, warm_start and report sections: SPEC §6's per-experiment metric, defaults, and errors by key. */
class EvaluationConfigTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "ks-laminar-3d, HISTOGRAM", "ks-kolmogorov-3d, HISTOGRAM", "ks-laminar-4d, SLICED",
      "kpp-cellular-2d, TORUS", "kpp-kolmogorov-3d, PROJECTED"})
  void eachExperimentFileMeasuresWithItsMetric(String experiment, MetricKind expected) {
    // the paper's metric (auto) everywhere but in 4D, whose file picks the sliced W2 (conf/ks-laminar-4d.conf says why)
    EvaluateConfig c = EvaluateConfig.from(Configs.load(experiment));
    assertEquals(expected, c.metric());
    assertEquals(expected == MetricKind.SLICED ? 256 : expected.periodic() ? 32 : 24, c.bins());
  }

  @Test
  void autoIsThePapersMetric() {
    assertEquals(MetricKind.HISTOGRAM, MetricKind.auto("ks", 3));
    assertEquals(MetricKind.SUBSAMPLE, MetricKind.auto("ks", 4));
    assertEquals(MetricKind.TORUS, MetricKind.auto("kpp", 2));
    assertEquals(MetricKind.PROJECTED, MetricKind.auto("kpp", 3));
  }

  @Test
  void anExplicitMetricOverridesAuto() {
    assertEquals(MetricKind.SUBSAMPLE, EvaluateConfig.from(Configs.load("ks-laminar-3d", "evaluate.metric=subsample")).metric());
    assertEquals(MetricKind.TORUS, EvaluateConfig.from(Configs.load("kpp-kolmogorov-3d", "evaluate.metric=torus")).metric());
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "ks-laminar-3d   | evaluate.metric=wasserstein     | evaluate.metric",
      "ks-laminar-3d   | evaluate.metric=torus           | evaluate.metric",
      "kpp-cellular-2d | evaluate.metric=projected       | evaluate.metric",
      "ks-laminar-3d   | evaluate.histogram.bins=0       | evaluate.histogram.bins",
      "ks-laminar-3d   | evaluate.histogram.padding=-0.1 | evaluate.histogram.padding",
      "ks-laminar-3d   | evaluate.subsample.n=2.5        | evaluate.subsample.n",
      "ks-laminar-3d   | warm_start.starts=[hot]         | warm_start.starts",
      "ks-laminar-3d   | warm_start.lambda_grid=[1, 0]   | warm_start.lambda_grid[1]",
      "ks-laminar-3d   | report.projection_sigma=[30]    | report.projection_sigma[0]",
      "ks-laminar-3d   | report.image_bins=0             | report.image_bins"})
  void badValuesNameTheirKey(String experiment, String override, String key) {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> {
      Config c = Configs.load(experiment, override);
      EvaluateConfig.from(c);
      WarmStartConfig.from(c);
      ReportConfig.from(c, SigmaCatalogue.from(c));
    });
    assertEquals(key, e.key(), e.getMessage());
  }

  @Test
  void projectionDefaultsAreOneSigmaInsideAndTheFarthestOutsideTheTrainingRange() {
    for (String experiment : List.of("ks-laminar-3d", "kpp-cellular-2d")) {
      Config c = Configs.load(experiment);
      SigmaCatalogue sigma = SigmaCatalogue.from(c);
      double[] chosen = ReportConfig.from(c, sigma).projectionSigma();
      assertEquals(2, chosen.length, experiment);
      assertTrue(sigma.inTrainingRange(chosen[0]), experiment);
      assertFalse(sigma.inTrainingRange(chosen[1]), experiment);
      double[] test = sigma.test().values();
      boolean ks = experiment.startsWith("ks");
      assertEquals(ks ? test[test.length - 1] : test[0], chosen[1], 0.0, "farthest extrapolation: " + experiment);
    }
  }

  @Test
  void warmStartDefaultsAreTheThreeStartsOver128Generations() {
    WarmStartConfig w = WarmStartConfig.from(Configs.load("kpp-cellular-2d"));
    assertEquals(128, w.generations());
    assertEquals(List.of(Start.COLD, Start.MEANFLOW, Start.MEANFLOW_DP), w.starts());
    assertEquals(0, w.lambdaGrid().length);
  }
}
