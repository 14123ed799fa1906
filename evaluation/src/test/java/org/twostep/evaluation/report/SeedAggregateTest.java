package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.warmstart.EigenRow;

/** Mean and sample std over seeds against hand-computed values; the summary ratios; the eigenvalue aggregate. */
class SeedAggregateTest {

  private static SeedAggregate.Run run(long seed, double mf20, double dp20, double mf200, double dp200, double floor) {
    List<MetricRow> rows = new ArrayList<>(List.of(
        Rows.row("meanflow", 20, 0, mf20, 160), Rows.row("meanflow_dp", 20, 0, dp20, 160),
        Rows.row("noise_floor", 20, 0, floor, 160),
        Rows.row("meanflow", 200, 1, mf200, 160), Rows.row("meanflow_dp", 200, 1, dp200, 160),
        Rows.row("noise_floor", 200, 1, floor, 160)));
    return new SeedAggregate.Run("run" + seed, seed, rows, List.of(), Map.of());
  }

  private static SeedAggregate.W2Mean find(List<SeedAggregate.W2Mean> rows, double sigma, String model) {
    return rows.stream().filter(r -> r.sigma() == sigma && r.model().equals(model)).findFirst().orElseThrow();
  }

  @Test
  void meanAndSampleStdOverThreeSeeds() {
    List<SeedAggregate.Run> runs = List.of(run(1, 1.0, 0.5, 4.0, 3.0, 0.1), run(2, 2.0, 0.7, 6.0, 3.0, 0.2),
        run(3, 3.0, 0.9, 8.0, 6.0, 0.3));
    List<SeedAggregate.W2Mean> w2 = SeedAggregate.w2(runs);
    assertEquals(6, w2.size(), "one row per (sigma, model)");
    SeedAggregate.W2Mean mf = find(w2, 20, "meanflow");
    assertEquals(3, mf.seeds());
    assertEquals(2.0, mf.w2sq(), 1e-12); // (1 + 2 + 3) / 3
    assertEquals(1.0, mf.w2sqStd(), 1e-12); // sqrt((1 + 0 + 1) / 2)
    assertEquals((1 + Math.sqrt(2) + Math.sqrt(3)) / 3, mf.w2(), 1e-12);
    SeedAggregate.W2Mean dp200 = find(w2, 200, "meanflow_dp");
    assertEquals(4.0, dp200.w2sq(), 1e-12);
    assertEquals(Math.sqrt(3.0), dp200.w2sqStd(), 1e-12); // sqrt((1 + 1 + 4) / 2)
    assertFalse(dp200.inTrainingRange());

    SeedAggregate.Summary s = SeedAggregate.summary(w2);
    double r20 = 0.7 / 2.0;
    double r200 = 4.0 / 6.0;
    assertEquals(r20, SeedAggregate.ratio(SeedAggregate.bySigma(w2).get(20.0)), 1e-12);
    assertEquals((r20 + r200) / 2, s.meanRatio(), 1e-12);
    assertEquals(2, s.sigmaCount());
    assertEquals(r200, s.meanRatioOutside(), 1e-12);
    assertEquals(1, s.outsideCount());
    assertTrue(s.dpAtMostMfEverywhere());
    assertEquals(0.7 / 0.2, s.maxInRangeDpOverFloor(), 1e-12, "in range only: sigma 200 is left out");
  }

  @Test
  void oneSeedHasNoStdAndAWorseCorrectorIsReported() {
    List<SeedAggregate.W2Mean> w2 = SeedAggregate.w2(List.of(run(7, 1.0, 1.5, 4.0, 3.0, 0.1)));
    assertTrue(Double.isNaN(find(w2, 20, "meanflow").w2sqStd()));
    assertTrue(ResultsCsv.w2(w2).lines().skip(1).allMatch(l -> l.contains(",1,") && l.contains(",,")), ResultsCsv.w2(w2));
    assertFalse(SeedAggregate.summary(w2).dpAtMostMfEverywhere());
    assertTrue(SeedAggregate.summary(SeedAggregate.w2(List.of(run(7, 1.0, 1.0, 4.0, 3.0, 0.1))))
        .dpAtMostMfEverywhere(), "MeanFlow's own cloud (the trust width's fallback) does no harm");
  }

  @Test
  void eigenvaluesAverageMuAndReferenceAndGiveTheRelativeError() {
    List<SeedAggregate.Run> runs = new ArrayList<>();
    double[][] mu = {{1.0, 2.0}, {3.0, 4.0}};
    double[] ref = {2.0, 3.0};
    for (int k = 0; k < 2; k++) {
      List<EigenRow> e = List.of(new EigenRow("kpp", 0.125, 1, "warm_start", "cold", 1, 0, mu[k][0]),
          new EigenRow("kpp", 0.125, 1, "warm_start", "cold", 2, 0, mu[k][1]));
      runs.add(new SeedAggregate.Run("r" + k, k + 1, List.of(), e, Map.of(1, ref[k])));
    }
    List<SeedAggregate.EigenMean> rows = SeedAggregate.eigen(runs);
    assertEquals(2, rows.size());
    SeedAggregate.EigenMean n1 = rows.get(0);
    assertEquals(1, n1.generation());
    assertEquals(2.0, n1.muN(), 1e-12);
    assertEquals(Math.sqrt(2.0), n1.muNStd(), 1e-12);
    assertEquals(2.5, n1.referenceMu(), 1e-12);
    assertEquals(0.5 / 2.5, n1.relError(), 1e-12);
    assertEquals(0.5 / 2.5, rows.get(1).relError(), 1e-12); // |3 - 2.5| / 2.5
  }
}
