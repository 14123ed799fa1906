package org.twostep.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training curves of a run from the models' {@code loss.csv}: per model the loss per step averaged over windows
 * (the raw per-step loss is too noisy to read), on a log axis when it stays positive; the corrector's held-out
 * validation W2² on a second axis at the right.
 */
public final class TrainingCurveChart {
  /** Name of the loss series. */
  public static final String LOSS = "training loss (window mean)";
  /** Name of the validation series. */
  public static final String VALIDATION = "validation W2² (right axis)";
  /** Points drawn per loss curve at most. */
  static final int POINTS = 200;

  private TrainingCurveChart() {}

  /**
   * One model's curve.
   *
   * @param steps the step of each loss, ascending
   * @param validationSteps the steps of the validations (empty when the model has none)
   */
  public record Curve(String model, int[] steps, double[] loss, int[] validationSteps, double[] validation) {}

  /** The window means of the loss: {@code (last step of the window + 1, mean)} pairs, at most {@link #POINTS}. */
  static double[][] windowMeans(int[] steps, double[] loss) {
    int every = Math.max(1, (int) Math.ceil(loss.length / (double) POINTS));
    int n = (loss.length + every - 1) / every;
    double[][] out = new double[2][n];
    for (int w = 0; w < n; w++) {
      int from = w * every;
      int to = Math.min(loss.length, from + every);
      out[0][w] = steps[to - 1] + 1;
      out[1][w] = Arrays.stream(loss, from, to).average().orElse(Double.NaN);
    }
    return out;
  }

  /** Whether the values are positive and span over a decade (a log axis labels decades only). */
  static boolean spansDecades(double[] v) {
    double lo = Arrays.stream(v).min().orElse(0);
    double hi = Arrays.stream(v).max().orElse(0);
    return lo > 0 && hi / lo > 10;
  }

  /** One chart per curve. */
  public static List<XYChart> build(String experiment, List<Curve> curves, int panelWidth, int height) {
    Headless.ensure();
    List<XYChart> charts = new ArrayList<>();
    for (Curve c : curves) {
      double[][] m = windowMeans(c.steps(), c.loss());
      double last = Math.max(m[0][m[0].length - 1],
          c.validationSteps().length == 0 ? 0 : c.validationSteps()[c.validationSteps().length - 1]);
      double unit = last > 2000 ? 1000 : 1; // short tick labels: XChart spaces long ones at odd steps
      XYChart chart = new XYChartBuilder().width(panelWidth).height(height)
          .title(experiment + ": " + ModelStyle.title(c.model()))
          .xAxisTitle(unit > 1 ? "step (thousands)" : "step").yAxisTitle("loss").build();
      ChartStyle.plain(chart).getStyler().setYAxisLogarithmic(spansDecades(m[1]));
      ChartStyle.roundX(chart, 0, last / unit);
      for (int i = 0; i < m[0].length; i++) {
        m[0][i] /= unit;
      }
      XYSeries loss = chart.addSeries(LOSS, m[0], m[1]);
      loss.setMarker(SeriesMarkers.NONE);
      loss.setLineColor(ModelStyle.color(c.model()));
      loss.setLineStyle(new BasicStroke(1.6f));
      if (c.validation().length > 0) {
        double[] steps = Arrays.stream(c.validationSteps()).asDoubleStream().map(k -> k / unit).toArray();
        XYSeries v = chart.addSeries(VALIDATION, steps, c.validation());
        v.setYAxisGroup(1);
        v.setLineColor(Color.BLACK);
        v.setMarkerColor(Color.BLACK);
        v.setMarker(SeriesMarkers.CIRCLE);
        chart.setYAxisGroupTitle(1, "validation W2²");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
      }
      charts.add(chart);
    }
    return charts;
  }
}
