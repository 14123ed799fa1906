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
import org.twostep.evaluation.warmstart.EigenRow;

/**
 * mu_n against n (SPEC §6 plots) at one D: one series per start on a log-2 spaced x axis, and the long-run reference
 * as a dashed horizontal line. A good warm start sits on the reference from n = 1; a cold start climbs to it.
 */
public final class EigenChart {
  /** Name of the long-run reference series. */
  public static final String REFERENCE = "long-run reference";

  private EigenChart() {}

  /**
   * @param rows the study's rows at one sigma (every start, every generation)
   * @param reference the long-run estimate, or NaN if there is none
   */
  public static XYChart build(String title, List<EigenRow> rows, double reference, int width, int height) {
    Headless.ensure();
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("generations n")
        .yAxisTitle("mu_n").build();
    chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideSE)
        .setChartBackgroundColor(Color.WHITE);
    Map<String, TreeMap<Integer, Double>> byStart = new TreeMap<>();
    int last = 1;
    for (EigenRow r : rows) {
      byStart.computeIfAbsent(r.start(), s -> new TreeMap<>()).put(r.generation(), r.muN());
      last = Math.max(last, r.generation());
    }
    for (Map.Entry<String, TreeMap<Integer, Double>> e : byStart.entrySet()) {
      List<Double> x = new ArrayList<>();
      for (int n : e.getValue().keySet()) {
        x.add((double) n);
      }
      XYSeries s = chart.addSeries(e.getKey(), x, new ArrayList<>(e.getValue().values()));
      s.setMarker(SeriesMarkers.NONE);
    }
    if (Double.isFinite(reference)) {
      XYSeries s = chart.addSeries(REFERENCE, new double[] {1, last}, new double[] {reference, reference});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Color.DARK_GRAY);
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    return chart;
  }
}
