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
import org.twostep.evaluation.warmstart.EigenRow;

/**
 * mu_n against n (SPEC §6 plots) at one D: one series per start (cold, MeanFlow, MeanFlow + DP) on a log x axis, a
 * band of one standard deviation over seeds around each where there are several seeds, and the long-run reference as
 * a dashed horizontal line. A good warm start sits on the reference from n = 1; a cold start climbs to it.
 */
public final class EigenChart {
  /** Name of the long-run reference series. */
  public static final String REFERENCE = "long-run reference";
  /** Suffix of a start's band series. */
  public static final String BAND = " ± 1 std";

  private EigenChart() {}

  /** mu_n of one start after {@code generation} generations, with its std over seeds (NaN or 0: no band). */
  public record Point(String start, int generation, double muN, double std) {}

  /** The points of one run's warm-start rows. */
  public static List<Point> lines(List<EigenRow> rows) {
    return rows.stream().map(r -> new Point(r.start(), r.generation(), r.muN(), Double.NaN)).toList();
  }

  /** The points of a results page (means over seeds with their std). */
  public static List<Point> means(List<SeedAggregate.EigenMean> rows) {
    return rows.stream().map(r -> new Point(r.start(), r.generation(), r.muN(), r.muNStd())).toList();
  }

  /**
   * @param points every start's points at one sigma
   * @param reference the long-run estimate, or NaN if there is none
   */
  public static XYChart build(String title, List<Point> points, double reference, int width, int height) {
    Headless.ensure();
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("generations n (log scale)").yAxisTitle("mu_n").build();
    ChartStyle.plain(chart).getStyler().setXAxisLogarithmic(true);
    Map<String, TreeMap<Integer, Point>> byStart = new TreeMap<>();
    int last = 1;
    for (Point p : points) {
      byStart.computeIfAbsent(p.start(), s -> new TreeMap<>()).put(p.generation(), p);
      last = Math.max(last, p.generation());
    }
    for (Map.Entry<String, TreeMap<Integer, Point>> e : byStart.entrySet()) { // bands first, under every line
      band(chart, e.getKey(), e.getValue());
    }
    for (Map.Entry<String, TreeMap<Integer, Point>> e : byStart.entrySet()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      e.getValue().values().forEach(p -> {
        x.add((double) p.generation());
        y.add(p.muN());
      });
      XYSeries s = chart.addSeries(label(e.getKey()), x, y);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(ModelStyle.color(e.getKey()));
      s.setLineStyle(new BasicStroke(2f));
    }
    if (Double.isFinite(reference)) {
      XYSeries s = chart.addSeries(REFERENCE, new double[] {1, last}, new double[] {reference, reference});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Color.BLACK);
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return chart;
  }

  /** A start's name on the chart: "cold start", "MeanFlow start", ... */
  static String label(String start) {
    return ModelStyle.title(start) + " start";
  }

  private static void band(XYChart chart, String start, TreeMap<Integer, Point> points) {
    if (points.values().stream().noneMatch(p -> Double.isFinite(p.std()) && p.std() > 0)) {
      return;
    }
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    points.values().forEach(p -> {
      x.add((double) p.generation());
      y.add(p.muN() + std(p));
    });
    points.descendingMap().values().forEach(p -> {
      x.add((double) p.generation());
      y.add(p.muN() - std(p));
    });
    XYSeries s = chart.addSeries(label(start) + BAND, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setMarker(SeriesMarkers.NONE);
    s.setFillColor(ModelStyle.translucent(ModelStyle.color(start), 45));
    s.setLineColor(new Color(0, 0, 0, 0));
    s.setShowInLegend(false);
  }

  private static double std(Point p) {
    return Double.isFinite(p.std()) ? p.std() : 0;
  }
}
