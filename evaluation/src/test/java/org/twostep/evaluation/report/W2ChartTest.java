package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.twostep.evaluation.metrics.MetricRow;

/** The W2 chart's model: one series per model, the noise floor, the shaded training range, log y; and its PNG. */
class W2ChartTest {
  @TempDir Path dir;

  static final double[] SIGMA = {20, 40, 80, 160, 200};

  @Test
  void oneSeriesPerModelPlusNoiseFloorAndTrainingBand() {
    List<MetricRow> rows = Rows.table(SIGMA, 160, "meanflow", "meanflow_dp", "imm", "noise_floor");
    XYChart chart = W2Chart.build("t", rows, 20, 160, true, 640, 480);
    assertEquals(Set.of("meanflow", "meanflow_dp", "imm", W2Chart.NOISE_FLOOR, W2Chart.TRAINING_RANGE),
        chart.getSeriesMap().keySet());
    XYSeries mf = chart.getSeriesMap().get("meanflow");
    assertArrayEquals(SIGMA, mf.getXData(), 0.0);
    assertEquals(rows.get(0).w2sq(), mf.getYData()[0], 0.0, "the plotted quantity is w2sq");
    XYSeries band = chart.getSeriesMap().get(W2Chart.TRAINING_RANGE);
    assertArrayEquals(new double[] {20, 160}, band.getXData(), 0.0);
    assertTrue(band.getLineStyle().getLineWidth() >= 480, "the band's stroke spans the whole plot height");
    double lo = chart.getStyler().getYAxisMin();
    double hi = chart.getStyler().getYAxisMax();
    assertTrue(lo <= rows.stream().mapToDouble(MetricRow::w2sq).min().orElseThrow()
        && hi >= rows.stream().mapToDouble(MetricRow::w2sq).max().orElseThrow(), "the y range shows every point");
    assertTrue(band.getYData()[0] > lo && band.getYData()[0] < hi);
    assertTrue(chart.getStyler().isYAxisLogarithmic());
  }

  @Test
  void aZeroScoreIsLeftOutOfTheLogAxisRatherThanBreakingIt() {
    List<MetricRow> rows = new java.util.ArrayList<>(Rows.table(SIGMA, 160, "meanflow"));
    rows.add(Rows.row("meanflow_dp", 20, 0, 0.0, 160));
    rows.add(Rows.row("meanflow_dp", 40, 1, 0.02, 160));
    XYChart chart = W2Chart.build("t", rows, 20, 160, false, 640, 480);
    assertArrayEquals(new double[] {40}, chart.getSeriesMap().get("meanflow_dp").getXData(), 0.0);
  }

  @Test
  void pngDecodesAtTheStatedSize() throws IOException {
    Path png = dir.resolve("plots/w2.png");
    Png.write(W2Chart.build("t", Rows.table(SIGMA, 160, "meanflow", "noise_floor"), 20, 160, true, 700, 450), png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(700, img.getWidth());
    assertEquals(450, img.getHeight());
    try (var files = Files.list(png.getParent())) {
      assertEquals(List.of(png), files.toList(), "no temp file is left behind");
    }
  }
}
