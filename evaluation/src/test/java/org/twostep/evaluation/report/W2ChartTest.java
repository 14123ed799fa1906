package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.twostep.evaluation.metrics.MetricRow;

/**
 * The W2 chart's model: one series per model (by its title), the noise floor over its band, the shaded training
 * range, log y, error bars from the seeds' std, models spread apart along x; and its PNG.
 */
class W2ChartTest {
  @TempDir Path dir;

  static final double[] SIGMA = {20, 40, 80, 160, 200};

  @Test
  void oneSeriesPerModelPlusNoiseFloorItsBandAndTheTrainingRange() {
    List<MetricRow> rows = Rows.table(SIGMA, 160, "meanflow", "meanflow_dp", "imm", "noise_floor");
    XYChart chart = W2Chart.build("t", rows, 20, 160, true, 640, 480);
    assertEquals(Set.of("MeanFlow", "MeanFlow + DP", "IMM", W2Chart.NOISE_FLOOR, W2Chart.BELOW_FLOOR,
        W2Chart.TRAINING_RANGE), chart.getSeriesMap().keySet());
    XYSeries floor = chart.getSeriesMap().get(W2Chart.NOISE_FLOOR);
    assertArrayEquals(SIGMA, floor.getXData(), 0.0, "the floor is not spread along x");
    assertEquals(rows.get(3).w2sq(), floor.getYData()[0], 0.0, "the plotted quantity is w2sq");
    double lo = chart.getStyler().getYAxisMin();
    double hi = chart.getStyler().getYAxisMax();
    XYSeries range = chart.getSeriesMap().get(W2Chart.TRAINING_RANGE);
    assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, range.getXYSeriesRenderStyle());
    assertArrayEquals(new double[] {20, 160, 160, 20}, range.getXData(), 0.0);
    assertArrayEquals(new double[] {lo, lo, hi, hi}, range.getYData(), 0.0, "the range spans the plot's height");
    XYSeries band = chart.getSeriesMap().get(W2Chart.BELOW_FLOOR);
    assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
    assertEquals(SIGMA.length + 2, band.getXData().length, "the floor, then down to the axis and back");
    assertEquals(floor.getYData()[4], band.getYData()[4], 0.0);
    assertEquals(lo, band.getYData()[5], 0.0);
    assertTrue(lo <= rows.stream().mapToDouble(MetricRow::w2sq).min().orElseThrow()
        && hi >= rows.stream().mapToDouble(MetricRow::w2sq).max().orElseThrow(), "the y range shows every point");
    assertTrue(chart.getStyler().isYAxisLogarithmic());
    List<String> order = new ArrayList<>(chart.getSeriesMap().keySet());
    assertEquals(W2Chart.TRAINING_RANGE, order.get(0), "bands are drawn first, under the lines");
    assertEquals(W2Chart.BELOW_FLOOR, order.get(1));
  }

  @Test
  void seedsGiveErrorBarsAndModelsAreSpreadSymmetricallyAlongX() {
    List<W2Chart.Point> points = new ArrayList<>();
    for (double s : SIGMA) {
      points.add(new W2Chart.Point("meanflow", s, 0.02, 0.004));
      points.add(new W2Chart.Point("meanflow_dp", s, 0.01, 0.5)); // a std above the value is capped on a log axis
    }
    XYChart chart = W2Chart.build("t", "histogram_w2", points, 20, 160, false, 640, 480);
    XYSeries mf = chart.getSeriesMap().get("MeanFlow");
    XYSeries dp = chart.getSeriesMap().get("MeanFlow + DP");
    assertEquals(0.004, mf.getExtraValues()[0], 0.0);
    assertEquals(0.9 * 0.01, dp.getExtraValues()[0], 1e-15);
    double shift = W2Chart.DODGE * 20 / 2; // half the dodge of the smallest sigma step (20) each way
    for (int i = 0; i < SIGMA.length; i++) {
      assertEquals(SIGMA[i] - shift, mf.getXData()[i], 1e-9);
      assertEquals(SIGMA[i] + shift, dp.getXData()[i], 1e-9);
    }
    assertTrue(chart.getStyler().getYAxisMin() <= 0.01 * 0.1 && chart.getStyler().getYAxisMax() >= 0.024,
        "the bars fit in the y range");
    assertNull(chart.getSeriesMap().get(W2Chart.BELOW_FLOOR), "no floor, no band");
  }

  @Test
  void aZeroScoreIsLeftOutOfTheLogAxisRatherThanBreakingIt() {
    List<MetricRow> rows = new ArrayList<>(Rows.table(SIGMA, 160, "meanflow"));
    rows.add(Rows.row("meanflow_dp", 20, 0, 0.0, 160));
    rows.add(Rows.row("meanflow_dp", 40, 1, 0.02, 160));
    XYChart chart = W2Chart.build("t", rows, 20, 160, false, 640, 480);
    assertEquals(1, chart.getSeriesMap().get("MeanFlow + DP").getXData().length);
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
