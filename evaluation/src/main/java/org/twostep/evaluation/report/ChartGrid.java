package org.twostep.evaluation.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Several charts of equal size side by side in one picture (a row of panels). */
final class ChartGrid {
  private ChartGrid() {}

  /** The charts in a row, each drawn at its own size, on a white canvas as high as the highest. */
  static BufferedImage row(List<? extends Chart<?, ?>> charts) {
    Headless.ensure();
    int width = charts.stream().mapToInt(Chart::getWidth).sum();
    int height = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
    BufferedImage img = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), height);
      int x = 0;
      for (Chart<?, ?> c : charts) {
        g.drawImage(BitmapEncoder.getBufferedImage(c), x, 0, null);
        x += c.getWidth();
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
