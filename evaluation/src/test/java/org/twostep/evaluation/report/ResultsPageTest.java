package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twostep.evaluation.metrics.MetricRow;

/** The page's W2 table (model order, mean ± std, DP/MF), summary, ablation and timing tables. */
class ResultsPageTest {

  private static List<SeedAggregate.W2Mean> threeSeeds() {
    List<SeedAggregate.Run> runs = new ArrayList<>();
    double[][] w = {{0.01234567, 0.005, 0.02, 0.001}, {0.01334567, 0.006, 0.03, 0.001}, {0.01434567, 0.007, 0.04, 0.001}};
    for (int k = 0; k < 3; k++) {
      List<MetricRow> rows = new ArrayList<>();
      for (double sigma : new double[] {20, 200}) {
        int i = sigma == 20 ? 0 : 1;
        rows.add(Rows.row("noise_floor", sigma, i, w[k][3], 160));
        rows.add(Rows.row("imm", sigma, i, w[k][2], 160));
        rows.add(Rows.row("meanflow_dp", sigma, i, w[k][1], 160));
        rows.add(Rows.row("meanflow", sigma, i, w[k][0], 160));
      }
      runs.add(new SeedAggregate.Run("r" + k, k + 1, rows, List.of(), Map.of()));
    }
    return SeedAggregate.w2(runs);
  }

  @Test
  void w2TableHasThePaperOrderMeanStdAndRatio() {
    List<String> lines = ResultsPage.w2Table(threeSeeds()).strip().lines().toList();
    assertEquals("| sigma | MeanFlow | MeanFlow + DP | IMM | noise floor | DP/MF |", lines.get(0));
    assertEquals("|---:|---:|---:|---:|---:|---:|", lines.get(1));
    assertEquals("| 20 | 0.01335 ± 0.001000 | 0.006000 ± 0.001000 | 0.03000 ± 0.01000 | 0.001000 | 0.450 |",
        lines.get(2));
    assertTrue(lines.get(3).startsWith("| 200 * |"), lines.get(3));
  }

  @Test
  void pageHasCommandRunsMachineSummaryImagesAndTimings() {
    List<SeedAggregate.W2Mean> w2 = threeSeeds();
    List<ResultsPage.RunInfo> runs = List.of(new ResultsPage.RunInfo("/runs/s1", 1, "run.conf", List.of("abc"), true),
        new ResultsPage.RunInfo("/runs/s2", 2, "position 2 in --runs", List.of("def"), false));
    List<AblationTable.Row> ablation = AblationTable.parse("setting,sigma,in_training_range,metric,w2sq,w2,train_seconds,"
        + "steps,peak_rss_mb\n\"dp.batch_size=1500\",20.0,true,histogram_w2,0.00500000,0.0707107,12.5,20,900\n");
    ResultsPage.Inputs in = new ResultsPage.Inputs("ks-laminar-3d", "deploy/local/twostep publish --config c.conf",
        "c.conf", "paper", "2026-01-01T00:00:00Z", runs, new Machine("Test CPU", 2, "7.6 GiB", "17", "Linux"), w2,
        "w2.png", List.of("projections_sigma_200.png"), List.of("marginals_sigma_200.png"), "training_curves.png",
        List.of(), List.of(), ablation,
        List.of(new StageTiming("/runs/s1", 1, "simulate", 10.0), new StageTiming("/runs/s1", 1, "evaluate", 2.5)),
        "run.conf");
    String md = ResultsPage.markdown(in);
    assertTrue(md.contains("resolved configuration, every default included: [run.conf](run.conf)"), md);
    assertTrue(md.contains("```\ndeploy/local/twostep publish --config c.conf\n```"), md);
    assertTrue(md.contains("| /runs/s2 | 2 | position 2 in --runs | def |"), md);
    assertTrue(md.contains("numbered by its position"), md);
    assertTrue(md.contains("Test CPU, 2 processors, 7.6 GiB memory"), md);
    assertTrue(md.contains("DP/MF: mean 0.450 over all 2 test sigma, 0.450 over the 1 sigma outside the training range; "
        + "MeanFlow + DP at or below MeanFlow at every sigma: yes; max over in-range sigma of MeanFlow + DP / noise floor: "
        + "6.000."), md);
    assertTrue(md.contains("![W2 vs sigma](w2.png)"), md);
    assertTrue(md.contains("### Particle-level view") && md.contains(
        "| sigma | MeanFlow | MeanFlow + DP | noise floor | DP/MF | DP/floor |"), md);
    assertTrue(md.contains("![projections_sigma_200.png](projections_sigma_200.png)"), md);
    assertTrue(md.contains("## 1D marginals") && md.contains("![marginals_sigma_200.png](marginals_sigma_200.png)"), md);
    assertTrue(md.contains("## Training curves") && md.contains("![training curves](training_curves.png)"), md);
    assertTrue(md.indexOf("## 1D marginals") > md.indexOf("## Projections"), "marginals follow the projections");
    assertTrue(md.contains("| sigma | dp.batch_size=1500 |\n|---:|---:|\n| 20 | 0.005000 |\n| train time (s) | 12.5 |"), md);
    assertTrue(md.contains("| stage | /runs/s1 |\n|---|---:|\n| simulate | 10.0 |\n| evaluate | 2.5 |\n| total | 12.5 |"), md);
    assertTrue(md.contains("Not recorded for /runs/s2"), md);
  }

  /** ablate's count of unconverged Sinkhorn solves reaches the page; a file written before the column shows none. */
  @Test
  void theAblationTableShowsUnconvergedSolvesWhenRecorded() {
    String header = "setting,sigma,in_training_range,metric,w2sq,w2,train_seconds,steps,peak_rss_mb,unconverged_solves\n";
    String md = AblationTable.markdown(AblationTable.parse(header
        + "\"dp.sinkhorn_eps=0.001\",20.0,true,histogram_w2,0.005,0.07,12.5,20,900,3\n"
        + "\"dp.sinkhorn_eps=0.01\",20.0,true,histogram_w2,0.006,0.08,11.5,20,900,0\n"));
    assertTrue(md.contains("| unconverged solves | 3 | 0 |"), md);
    String old = AblationTable.markdown(AblationTable.parse(
        "\"dp.batch_size=1500\",20.0,true,histogram_w2,0.005,0.07,12.5,20,900\n"));
    assertFalse(old.contains("unconverged"), old);
  }

  @Test
  void seedsThatAgreeToRoundingShowTheMeanAlone() {
    assertEquals(ResultsPage.meanStd(0.005233, Double.NaN), ResultsPage.meanStd(0.005233, 1.062e-18));
    assertFalse(ResultsPage.meanStd(0.005233, 1.062e-18).contains("±"));
    assertTrue(ResultsPage.meanStd(0.01, 0.002).contains(" ± "));
  }
}
