package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.twostep.evaluation.metrics.MetricRow;

/** The report table: sigma rows, model columns, the noise floor, DP/MF, extrapolation marked. */
class MetricTableTest {

  @Test
  void sigmaRowsModelColumnsNoiseFloorAndRatio() {
    List<MetricRow> rows = Rows.table(new double[] {20, 160, 200}, 160, "meanflow", "meanflow_dp", "noise_floor");
    String md = MetricTable.markdown(rows, MetricTable.Quantity.W2SQ);
    List<String> lines = md.strip().lines().toList();
    assertEquals("| sigma | meanflow | meanflow_dp | noise_floor | DP/MF |", lines.get(0));
    assertEquals(2 + 3, lines.size());
    assertTrue(lines.get(2).startsWith("| 20 |"), lines.get(2));
    assertTrue(lines.get(3).startsWith("| 160 |"), "the training range is closed: " + lines.get(3));
    assertTrue(lines.get(4).startsWith("| 200 * |"), "extrapolation is marked: " + lines.get(4));
    String[] cells = lines.get(4).split("\\|");
    double mf = rows.stream().filter(r -> r.sigma() == 200 && r.model().equals("meanflow")).findFirst().orElseThrow().w2sq();
    double dp = rows.stream().filter(r -> r.sigma() == 200 && r.model().equals("meanflow_dp")).findFirst().orElseThrow().w2sq();
    assertEquals(String.format(Locale.ROOT, "%.3f", dp / mf), cells[5].strip());
    assertEquals(String.format(Locale.ROOT, "%.4g", mf), cells[2].strip());
  }

  @Test
  void noRatioWithoutBothModelsAndMomentTablesShowTheirQuantity() {
    List<MetricRow> rows = Rows.table(new double[] {20}, 160, "meanflow");
    assertEquals("| sigma | meanflow |", MetricTable.markdown(rows, MetricTable.Quantity.W2SQ).lines().findFirst().orElseThrow());
    String cov = MetricTable.markdown(rows, MetricTable.Quantity.COV_ERROR);
    assertTrue(cov.contains(String.format(Locale.ROOT, "%.4g", rows.get(0).covError())), cov);
  }
}
