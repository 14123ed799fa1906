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
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.Models;

/**
 * W2² against sigma (SPEC §6 plots): one series per model on a log y axis with error bars of one standard deviation
 * over seeds (when there are several), the noise floor as a dashed line over a grey band (below it a model cannot be
 * told apart from a second reference sample), and the training range shaded. Bands are XChart polygons, drawn first,
 * so they sit under the lines; the points of the models are spread a little along x so their error bars do not
 * hide each other.
 */
public final class W2Chart {
  /** Name of the shaded training-range series. */
  public static final String TRAINING_RANGE = "training range";
  /** Name of the noise-floor series. */
  public static final String NOISE_FLOOR = "noise floor";
  /** Name of the band under the noise floor. */
  public static final String BELOW_FLOOR = "below the noise floor";
  /** How far apart the models' points are drawn, as a fraction of the smallest sigma spacing. */
  static final double DODGE = 0.06;

  private W2Chart() {}

  /** One plotted value: W2² of a model at a sigma and its standard deviation over seeds (NaN or 0: no bar). */
  public record Point(String model, double sigma, double w2sq, double std) {}

  /** The points of one run's metric rows (no error bars). */
  public static List<Point> points(List<MetricRow> rows) {
    return rows.stream().map(r -> new Point(r.model(), r.sigma(), r.w2sq(), Double.NaN)).toList();
  }

  /** The points of a results page: the mean over seeds with its sample standard deviation. */
  public static List<Point> means(List<SeedAggregate.W2Mean> rows) {
    return rows.stream().map(r -> new Point(r.model(), r.sigma(), r.w2sq(), r.w2sqStd())).toList();
  }

  /** As {@link #build(String, String, List, double, double, boolean, int, int)} for one run's metric rows. */
  public static XYChart build(String title, List<MetricRow> rows, double trainMin, double trainMax, boolean logX,
      int width, int height) {
    return build(title, rows.isEmpty() ? "" : rows.get(0).metric(), points(rows), trainMin, trainMax, logX, width,
        height);
  }

  /**
   * @param metric the W2 estimator's name, for the axis title
   * @param trainMin lower end of the training range
   * @param trainMax upper end of the training range
   * @param logX whether sigma is drawn on a log axis (log-spaced grids, KPP's D = 2^-k)
   */
  public static XYChart build(String title, String metric, List<Point> points, double trainMin, double trainMax,
      boolean logX, int width, int height) {
    Headless.ensure();
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(logX ? "sigma (log scale)" : "sigma").yAxisTitle("W2² (" + metric + ", log scale)").build();
    ChartStyle.plain(chart).getStyler().setYAxisLogarithmic(true).setXAxisLogarithmic(logX).setMarkerSize(7);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    Map<String, TreeMap<Double, Point>> byModel = new TreeMap<>();
    double top = Double.MIN_VALUE;
    double bottom = Double.MAX_VALUE;
    for (Point p : points) {
      if (p.w2sq() > 0 && Double.isFinite(p.w2sq())) { // a log axis cannot show 0; a perfect score is not plotted
        byModel.computeIfAbsent(p.model(), m -> new TreeMap<>()).put(p.sigma(), p);
        top = Math.max(top, p.w2sq() + bar(p));
        bottom = Math.min(bottom, p.w2sq() - bar(p));
      }
    }
    if (bottom > top) {
      bottom = 1e-3;
      top = 1;
    }
    double yMin = bottom / 1.6;
    double yMax = top * 1.6;
    polygon(chart, TRAINING_RANGE, new double[] {trainMin, trainMax, trainMax, trainMin},
        new double[] {yMin, yMin, yMax, yMax}, new Color(120, 170, 255, 50));
    TreeMap<Double, Point> floor = byModel.remove(Models.NOISE_FLOOR);
    if (floor != null && floor.size() > 1) {
      List<Double> x = new ArrayList<>(floor.keySet());
      List<Double> y = new ArrayList<>();
      floor.values().forEach(p -> y.add(p.w2sq()));
      x.add(floor.lastKey());
      y.add(yMin);
      x.add(floor.firstKey());
      y.add(yMin);
      polygon(chart, BELOW_FLOOR, x.stream().mapToDouble(Double::doubleValue).toArray(),
          y.stream().mapToDouble(Double::doubleValue).toArray(), new Color(0, 0, 0, 28));
    }
    double dodge = DODGE * smallestStep(points, logX);
    int k = 0;
    for (Map.Entry<String, TreeMap<Double, Point>> e : byModel.entrySet()) {
      double shift = (k++ - (byModel.size() - 1) / 2.0) * dodge;
      line(chart, ModelStyle.title(e.getKey()), e.getValue(), shift, logX, ModelStyle.color(e.getKey()));
    }
    if (floor != null) {
      XYSeries s = line(chart, NOISE_FLOOR, floor, 0, logX, ModelStyle.color(Models.NOISE_FLOOR));
      s.setMarker(SeriesMarkers.NONE);
      s.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
    return chart;
  }

  private static XYSeries line(XYChart chart, String name, TreeMap<Double, Point> points, double shift, boolean logX,
      Color color) {
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    double[] err = new double[points.size()];
    boolean bars = false;
    int i = 0;
    for (Point p : points.values()) {
      x[i] = logX ? p.sigma() * Math.exp(shift) : p.sigma() + shift;
      y[i] = p.w2sq();
      err[i] = bar(p);
      bars |= err[i] > 0;
      i++;
    }
    XYSeries s = bars ? chart.addSeries(name, x, y, err) : chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setLineColor(color);
    s.setMarkerColor(color);
    s.setLineWidth(1.8f);
    return s;
  }

  private static void polygon(XYChart chart, String name, double[] x, double[] y, Color fill) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setMarker(SeriesMarkers.NONE);
    s.setFillColor(fill);
    s.setLineColor(new Color(0, 0, 0, 0));
  }

  /** The error bar of a point: its std, capped below the value so the bar stays on a log axis. */
  static double bar(Point p) {
    return Double.isFinite(p.std()) && p.std() > 0 ? Math.min(p.std(), 0.9 * p.w2sq()) : 0;
  }

  /** The smallest gap between consecutive sigma (in log units on a log axis); 1 with fewer than two sigma. */
  private static double smallestStep(List<Point> points, boolean logX) {
    double[] s = points.stream().mapToDouble(p -> logX ? Math.log(p.sigma()) : p.sigma()).distinct().sorted().toArray();
    double gap = Double.MAX_VALUE;
    for (int i = 1; i < s.length; i++) {
      gap = Math.min(gap, s[i] - s[i - 1]);
    }
    return s.length < 2 ? 1 : gap;
  }
}
