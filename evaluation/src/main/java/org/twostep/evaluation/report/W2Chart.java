package org.twostep.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.Models;

/**
 * W2 against sigma (SPEC §6 plots): one series per model on a log y axis, the noise floor as a dashed line and the
 * training range as a shaded band (a translucent series drawn under the others). Plots {@code w2sq},
 * the quantity of the tables.
 */
public final class W2Chart {
  /** Name of the shaded training-range series. */
  public static final String TRAINING_RANGE = "training range";
  /** Name of the noise-floor series. */
  public static final String NOISE_FLOOR = "noise floor";

  private W2Chart() {}

  /**
   * @param rows the metric rows of one experiment
   * @param trainMin lower end of the training range
   * @param trainMax upper end of the training range
   * @param logX whether sigma is drawn on a log axis (log-spaced grids, KPP's D = 2^-k)
   */
  public static XYChart build(String title, List<MetricRow> rows, double trainMin, double trainMax, boolean logX,
      int width, int height) {
    Headless.ensure();
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("sigma (shaded: training range)").yAxisTitle("W2^2 (" + (rows.isEmpty() ? "" : rows.get(0).metric()) + ")").build();
    chart.getStyler().setYAxisLogarithmic(true).setXAxisLogarithmic(logX)
        .setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE);
    Map<String, TreeMap<Double, Double>> byModel = new TreeMap<>();
    double top = Double.MIN_VALUE;
    double bottom = Double.MAX_VALUE;
    for (MetricRow r : rows) {
      if (r.w2sq() > 0 && Double.isFinite(r.w2sq())) { // a log axis cannot show 0; a perfect score is not plotted
        byModel.computeIfAbsent(r.model(), m -> new TreeMap<>()).put(r.sigma(), r.w2sq());
        top = Math.max(top, r.w2sq());
        bottom = Math.min(bottom, r.w2sq());
      }
    }
    if (bottom > top) {
      bottom = 1e-3;
      top = 1;
    }
    // XChart has no box annotation and its area fill is not a band on a log axis: a horizontal segment at the
    // (geometric) middle of the y range with a stroke as thick as the chart, clipped to the plot, shades the range
    double middle = Math.sqrt(bottom / 2 * top * 2);
    XYSeries band = chart.addSeries(TRAINING_RANGE, new double[] {trainMin, trainMax}, new double[] {middle, middle});
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    band.setMarker(SeriesMarkers.NONE);
    band.setShowInLegend(false); // the legend would draw the thick stroke too
    band.setLineColor(new Color(120, 170, 255, 45));
    band.setLineStyle(new BasicStroke(2f * height, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    for (Map.Entry<String, TreeMap<Double, Double>> e : byModel.entrySet()) {
      XYSeries s = chart.addSeries(e.getKey().equals(Models.NOISE_FLOOR) ? NOISE_FLOOR : e.getKey(),
          new ArrayList<>(e.getValue().keySet()), new ArrayList<>(e.getValue().values()));
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      if (e.getKey().equals(Models.NOISE_FLOOR)) {
        s.setLineColor(Color.DARK_GRAY);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
    }
    chart.getStyler().setYAxisMin(bottom / 2).setYAxisMax(top * 2);
    return chart;
  }
}
