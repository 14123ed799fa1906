package org.twostep.evaluation.report;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/** The look every XChart chart of a report shares: white, light grid, legend under the plot, readable tick labels. */
final class ChartStyle {
  private ChartStyle() {}

  static XYChart plain(XYChart chart) {
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
        .setLegendLayout(Styler.LegendLayout.Horizontal).setLegendBorderColor(Color.LIGHT_GRAY);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225)).setXAxisTickMarkSpacingHint(100)
        .setXAxisDecimalPattern("#,##0.###").setYAxisDecimalPattern("#,##0.####");
    return chart;
  }

  /**
   * Widens a linear x axis to multiples of a round step around [lo, hi]: XChart counts its ticks from the axis
   * minimum, so a round minimum gives round tick labels.
   */
  static void roundX(XYChart chart, double lo, double hi) {
    double[] ticks = AxisTicks.of(lo, hi, 5);
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.max(hi - lo, 1);
    chart.getStyler().setXAxisMin(Math.floor(lo / step + 1e-9) * step).setXAxisMax(Math.ceil(hi / step - 1e-9) * step);
  }
}
