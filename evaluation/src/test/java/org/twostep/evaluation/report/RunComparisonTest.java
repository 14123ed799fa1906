package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twostep.evaluation.metrics.MetricRow;

/** Two runs joined per (model, sigma), the ratio and its geometric mean; a value only one run has stays visible. */
class RunComparisonTest {

  @Test
  void ratiosAndTheirGeometricMean() {
    List<MetricRow> a = Rows.table(new double[] {20, 80, 200}, 160, "meanflow", "meanflow_dp");
    List<MetricRow> b = new ArrayList<>();
    double[] factor = {0.5, 2.0, 1.0};
    for (int i = 0; i < a.size(); i++) {
      MetricRow r = a.get(i);
      double f = r.model().equals("meanflow") ? factor[r.sigmaIndex()] : 1;
      b.add(Rows.row(r.model(), r.sigma(), r.sigmaIndex(), r.w2sq() * f, 160));
    }
    b.add(Rows.row("imm", 20, 0, 0.3, 160)); // only run B has IMM
    List<RunComparison.Row> rows = RunComparison.join(a, b);
    assertEquals(7, rows.size());
    RunComparison.Row mf20 = rows.stream().filter(r -> r.model().equals("meanflow") && r.sigma() == 20).findFirst()
        .orElseThrow();
    assertEquals(0.5, mf20.ratio(), 1e-12);
    RunComparison.Row imm = rows.stream().filter(r -> r.model().equals("imm")).findFirst().orElseThrow();
    assertTrue(Double.isNaN(imm.a()) && Double.isNaN(imm.ratio()) && imm.b() == 0.3);
    List<RunComparison.Summary> s = RunComparison.summary(rows);
    assertEquals(List.of("imm", "meanflow", "meanflow_dp"), s.stream().map(RunComparison.Summary::model).toList());
    assertEquals(0, s.get(0).sigmaCount());
    assertEquals(1.0, s.get(1).geometricMeanRatio(), 1e-12, "(0.5 * 2 * 1)^(1/3)");
    assertEquals(3, s.get(1).sigmaCount());
    String md = RunComparison.markdown(rows);
    assertTrue(md.contains("| ks-laminar-3d | meanflow | 20 | 0.01200 | 0.006000 | 0.500 |"), md);
    assertTrue(md.contains("| ks-laminar-3d | meanflow | 200 * |"), md);
    assertTrue(md.contains("| ks-laminar-3d | imm | 20 |  | 0.3000 |  |"), md);
  }
}
