package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.twostep.common.data.ParticleCloud;

/** The marginal, training-curve and mu_n charts hold the series they should, with the values they should. */
class ChartsTest {

  @Test
  void marginalsAreOneChartPerAxisWithADensityPerCloudThatIntegratesToOne() {
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    clouds.put("reference", ProjectionImageTest.uniform(4000, 3, 1));
    clouds.put("meanflow", ProjectionImageTest.uniform(4000, 3, 2));
    clouds.put("meanflow_dp", ParticleCloud.ofRowMajor(3, new double[] {0.1, 0.1, 0.1, 0.3, 0.3, 0.3}));
    PlotBox box = PlotBox.torus(3, 2.0);
    List<XYChart> charts = MarginalChart.build(clouds, box, 20, 200, 400, 300);
    assertEquals(3, charts.size());
    for (XYChart c : charts) {
      assertEquals(List.of("Reference", "MeanFlow", "MeanFlow + DP"), new ArrayList<>(c.getSeriesMap().keySet()));
      for (XYSeries s : c.getSeriesMap().values()) {
        assertEquals(XYSeries.XYSeriesRenderStyle.Step, s.getXYSeriesRenderStyle());
        double integral = 0;
        for (double v : s.getYData()) {
          integral += v * 0.1; // 20 cells over a length of 2
        }
        assertEquals(1.0, integral, 1e-12, s.getName());
      }
    }
    double[] dp = charts.get(0).getSeriesMap().get("MeanFlow + DP").getYData();
    assertEquals(5.0, dp[1], 1e-12, "half the mass in the cell [0.1, 0.2) of width 0.1");
    assertEquals(5.0, dp[3], 1e-12);
    double[] uniform = charts.get(1).getSeriesMap().get("Reference").getYData();
    for (int i = 0; i < 10; i++) {
      assertEquals(1.0, uniform[i], 0.25, "uniform on [0, 1): density 1 there");
    }
    assertEquals(0, uniform[15], 0, "and nothing in [1, 2)");
  }

  @Test
  void marginalBinsFollowTheRiceRule() {
    assertEquals(25, MarginalChart.bins(2000));
    assertEquals(43, MarginalChart.bins(10000));
    assertEquals(10, MarginalChart.bins(50), "never fewer than ten cells");
  }

  @Test
  void trainingCurvesAreWindowMeansAndTheCorrectorHasItsValidationOnTheRightAxis() {
    int[] steps = new int[2000];
    double[] loss = new double[2000];
    for (int k = 0; k < steps.length; k++) {
      steps[k] = k;
      loss[k] = k % 2 == 0 ? 1.0 : 3.0; // noise that the window mean removes
    }
    List<TrainingCurveChart.Curve> curves = List.of(
        new TrainingCurveChart.Curve("meanflow", steps, loss, new int[0], new double[0]),
        new TrainingCurveChart.Curve("meanflow_dp", steps, loss, new int[] {0, 500, 1000}, new double[] {0.3, 0.1, 0.2}));
    List<XYChart> charts = TrainingCurveChart.build("ks", curves, 400, 300);
    assertEquals(Set.of(TrainingCurveChart.LOSS), charts.get(0).getSeriesMap().keySet());
    XYSeries mf = charts.get(0).getSeriesMap().get(TrainingCurveChart.LOSS);
    assertEquals(TrainingCurveChart.POINTS, mf.getYData().length);
    for (double v : mf.getYData()) {
      assertEquals(2.0, v, 1e-12);
    }
    assertEquals(2000, mf.getXData()[TrainingCurveChart.POINTS - 1], 0, "the last window ends at the last step");
    assertFalse(charts.get(0).getStyler().isYAxisLogarithmic(), "a loss within a decade is on a linear axis");
    assertTrue(TrainingCurveChart.spansDecades(new double[] {5, 0.2}), "over a decade and positive: log");
    assertFalse(TrainingCurveChart.spansDecades(new double[] {5, 0.6}));
    XYSeries v = charts.get(1).getSeriesMap().get(TrainingCurveChart.VALIDATION);
    assertArrayEquals(new double[] {0.3, 0.1, 0.2}, v.getYData(), 0);
    assertEquals(1, v.getYAxisGroup(), "validation on its own axis");
  }

  @Test
  void aLossThatGoesNegativeIsNotDrawnOnALogAxis() {
    List<XYChart> charts = TrainingCurveChart.build("ks", List.of(new TrainingCurveChart.Curve("imm",
        new int[] {0, 1, 2}, new double[] {0.5, -0.1, -0.2}, new int[0], new double[0])), 400, 300);
    assertFalse(charts.get(0).getStyler().isYAxisLogarithmic());
    assertEquals(3, charts.get(0).getSeriesMap().get(TrainingCurveChart.LOSS).getYData().length);
  }

  @Test
  void muNHasALinePerStartABandWhereSeedsDifferAndTheReference() {
    List<EigenChart.Point> points = new ArrayList<>();
    for (int n = 1; n <= 64; n *= 2) {
      points.add(new EigenChart.Point("cold", n, 0.7 - 0.3 / n, 0));
      points.add(new EigenChart.Point("meanflow", n, 0.69, 0.01));
      points.add(new EigenChart.Point("meanflow_dp", n, 0.7, 0.005));
    }
    XYChart chart = EigenChart.build("t", points, 0.7, 600, 400);
    assertEquals(Set.of("cold start", "MeanFlow start", "MeanFlow + DP start", "MeanFlow start" + EigenChart.BAND,
        "MeanFlow + DP start" + EigenChart.BAND, EigenChart.REFERENCE), chart.getSeriesMap().keySet());
    assertTrue(chart.getStyler().isXAxisLogarithmic());
    XYSeries band = chart.getSeriesMap().get("MeanFlow start" + EigenChart.BAND);
    assertEquals(14, band.getXData().length, "up along the upper edge, back along the lower");
    assertEquals(0.70, band.getYData()[0], 1e-12);
    assertEquals(0.68, band.getYData()[13], 1e-12);
    assertArrayEquals(new double[] {1, 64}, chart.getSeriesMap().get(EigenChart.REFERENCE).getXData(), 0);
    assertArrayEquals(new double[] {0.7, 0.7}, chart.getSeriesMap().get(EigenChart.REFERENCE).getYData(), 0);
  }
}
