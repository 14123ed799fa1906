package org.twostep.evaluation.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.twostep.common.data.ParticleCloud;

/**
 * 1D marginal densities per axis at one sigma: the reference and each model overlaid (one chart per axis), so where
 * the mass sits and how wide each axis spreads show at a glance. Histograms over the shared {@link PlotBox}, drawn
 * as steps, in probability per unit length.
 */
public final class MarginalChart {
  private static final String[] AXES = {"x", "y", "z", "w"};

  private MarginalChart() {}

  /** Cells per axis for a cloud of n particles: the Rice rule 2 n^(1/3), so a histogram is neither blocky nor noisy. */
  public static int bins(int n) {
    return Math.max(10, (int) Math.round(2 * Math.cbrt(n)));
  }

  /** The density (mass per unit length) of axis {@code axis} in {@code bins} cells of the box; it integrates to 1. */
  static double[] density(ParticleCloud cloud, int axis, PlotBox box, int bins) {
    double[] h = new double[bins];
    double width = (box.hi(axis) - box.lo(axis)) / bins;
    for (int p = 0; p < cloud.size(); p++) {
      h[ProjectionImage.bin(cloud.get(p, axis), box.lo(axis), box.hi(axis), bins)] += 1.0 / (cloud.size() * width);
    }
    return h;
  }

  /** One chart per axis, each with a series per cloud (map order: the reference first), named by model title. */
  public static List<XYChart> build(Map<String, ParticleCloud> clouds, PlotBox box, int bins, double sigma,
      int panelWidth, int height) {
    Headless.ensure();
    List<XYChart> charts = new ArrayList<>();
    for (int axis = 0; axis < box.dim(); axis++) {
      XYChart chart = new XYChartBuilder().width(panelWidth).height(height)
          .title(AXES[axis] + " marginal, sigma = " + MetricTable.sigma(sigma)).xAxisTitle(AXES[axis])
          .yAxisTitle("density").build();
      ChartStyle.plain(chart);
      // three names side by side do not fit under a narrow panel: a stacked legend in the corner, above the curves
      // (the y axis gets headroom for it below)
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE)
          .setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
      ChartStyle.roundX(chart, box.lo(axis), box.hi(axis));
      double width = (box.hi(axis) - box.lo(axis)) / bins;
      double[] x = new double[bins];
      for (int i = 0; i < bins; i++) {
        x[i] = box.lo(axis) + (i + 0.5) * width;
      }
      double peak = 0;
      for (Map.Entry<String, ParticleCloud> e : clouds.entrySet()) {
        double[] d = density(e.getValue(), axis, box, bins);
        for (double v : d) {
          peak = Math.max(peak, v);
        }
        XYSeries s = chart.addSeries(ModelStyle.title(e.getKey()), x, d);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ModelStyle.color(e.getKey()));
        boolean reference = e.getKey().equals(ModelStyle.REFERENCE);
        s.setLineStyle(new BasicStroke(reference ? 2.6f : 1.6f));
      }
      chart.getStyler().setYAxisMin(0.0).setYAxisMax(peak * (1 + 0.12 * clouds.size()));
      charts.add(chart);
    }
    return charts;
  }
}
