package org.twostep.evaluation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Projection density images (SPEC §6 plots): one row per cloud (reference, then models), one column per coordinate
 * plane (x-y, x-z, y-z; in 2D the single x-y plane of each cloud side by side), each a square 2D histogram on the
 * shared {@link PlotBox} with ticks in the coordinates' units and the model and sigma in its title. Every panel uses
 * one colour scale, density in mass per unit area on a square-root scale (thin tails stay visible next to a dense
 * core) that saturates at the {@value #SATURATION_QUANTILE} quantile of the occupied cells (a few collapse points
 * would otherwise leave everything else pale), read on the colour bar at the end of each row. The canvas is sized to
 * the panels, so nothing is left empty.
 */
public final class ProjectionImage {
  private static final String[] AXES = {"x", "y", "z", "w"};
  /** The quantile of the occupied cells' densities where the colour scale saturates. */
  static final double SATURATION_QUANTILE = 0.99;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ProjectionImage() {}

  /** The coordinate planes drawn for a d-dimensional cloud: (0,1), (0,2), (1,2). */
  public static List<int[]> planes(int dim) {
    List<int[]> planes = new ArrayList<>();
    for (int a = 0; a < Math.min(dim, 3); a++) {
      for (int b = a + 1; b < Math.min(dim, 3); b++) {
        planes.add(new int[] {a, b});
      }
    }
    return planes;
  }

  /**
   * The mass fraction per cell of one plane, {@code [row = axis b bin][column = axis a bin]}; points outside the box
   * fall into the edge cells, so the fractions sum to 1.
   */
  public static double[][] histogram(org.twostep.common.data.ParticleCloud cloud, int a, int b, PlotBox box, int bins) {
    double[][] h = new double[bins][bins];
    double w = 1.0 / cloud.size();
    for (int p = 0; p < cloud.size(); p++) {
      h[bin(cloud.get(p, b), box.lo(b), box.hi(b), bins)][bin(cloud.get(p, a), box.lo(a), box.hi(a), bins)] += w;
    }
    return h;
  }

  static int bin(double v, double lo, double hi, int bins) {
    int i = (int) Math.floor((v - lo) / (hi - lo) * bins);
    return Math.min(bins - 1, Math.max(0, i));
  }

  /** The density (mass per unit area) of each cell of {@link #histogram}. */
  static double[][] density(double[][] mass, PlotBox box, int a, int b) {
    int bins = mass.length;
    double area = (box.hi(a) - box.lo(a)) / bins * (box.hi(b) - box.lo(b)) / bins;
    double[][] d = new double[bins][bins];
    for (int i = 0; i < bins; i++) {
      for (int j = 0; j < bins; j++) {
        d[i][j] = mass[i][j] / area;
      }
    }
    return d;
  }

  /**
   * Renders the clouds (in map order, first the reference) at one sigma. The panels are as large as fit in
   * {@code maxWidth} x {@code maxHeight}; the image is cut to them.
   */
  public static BufferedImage render(Map<String, org.twostep.common.data.ParticleCloud> clouds, PlotBox box, int bins,
      double sigma, int maxWidth, int maxHeight) {
    Headless.ensure();
    List<int[]> planes = planes(box.dim());
    List<String> names = new ArrayList<>(clouds.keySet());
    double[][][][] dens = new double[names.size()][planes.size()][][];
    for (int r = 0; r < names.size(); r++) {
      for (int c = 0; c < planes.size(); c++) {
        int[] p = planes.get(c);
        dens[r][c] = density(histogram(clouds.get(names.get(r)), p[0], p[1], box, bins), box, p[0], p[1]);
      }
    }
    double max = saturation(dens);
    // clouds down, planes across; a single plane (2D) puts the clouds side by side in one row instead
    boolean across = planes.size() == 1;
    Layout layout = Layout.fit(across ? names.size() : planes.size(), across ? 1 : names.size(), maxWidth, maxHeight);
    BufferedImage img = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, layout.width(), layout.height());
      for (int r = 0; r < layout.rows(); r++) {
        for (int c = 0; c < layout.cols(); c++) {
          int cloud = across ? c : r;
          int[] plane = planes.get(across ? 0 : c);
          String title = ModelStyle.title(names.get(cloud)) + ", σ = " + MetricTable.sigma(sigma);
          panel(g, dens[cloud][across ? 0 : c], max, box, plane, title, layout.panelX(c), layout.panelY(r),
              layout.size());
        }
        colorBar(g, max, layout.barX(), layout.panelY(r), layout.size());
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The density where the colour scale saturates: the {@link #SATURATION_QUANTILE} quantile of occupied cells. */
  static double saturation(double[][][][] dens) {
    java.util.List<Double> occupied = new ArrayList<>();
    for (double[][][] row : dens) {
      for (double[][] panel : row) {
        for (double[] cells : panel) {
          for (double v : cells) {
            if (v > 0) {
              occupied.add(v);
            }
          }
        }
      }
    }
    if (occupied.isEmpty()) {
      return 0;
    }
    occupied.sort(null);
    return occupied.get((int) Math.min(occupied.size() - 1, Math.floor(SATURATION_QUANTILE * occupied.size())));
  }

  /**
   * Where the panels go: {@code cols} x {@code rows} square plots of side {@code size}, each with room for its title
   * above and its ticks and axis labels left and below, and a colour bar right of the last column.
   */
  record Layout(int cols, int rows, int size) {
    static final int LEFT = 58;
    static final int TOP = 24;
    static final int BOTTOM = 40;
    static final int GAP = 14;
    static final int BAR = 92;

    static Layout fit(int cols, int rows, int maxWidth, int maxHeight) {
      int byWidth = (maxWidth - BAR - GAP) / cols - LEFT - GAP;
      int byHeight = maxHeight / rows - TOP - BOTTOM;
      return new Layout(cols, rows, Math.max(1, Math.min(byWidth, byHeight))); // never wider than asked
    }

    int panelX(int col) {
      return GAP + col * (LEFT + size + GAP) + LEFT;
    }

    int panelY(int row) {
      return row * (TOP + size + BOTTOM) + TOP;
    }

    int barX() {
      return panelX(cols) - LEFT;
    }

    int width() {
      return barX() + BAR;
    }

    int height() {
      return rows * (TOP + size + BOTTOM);
    }
  }

  private static void panel(Graphics2D g, double[][] d, double max, PlotBox box, int[] plane, String title, int x0,
      int y0, int size) {
    int bins = d.length;
    for (int i = 0; i < bins; i++) {
      for (int j = 0; j < bins; j++) {
        g.setColor(Colormap.at(max > 0 ? Math.sqrt(d[i][j] / max) : 0));
        int px = x0 + j * size / bins;
        int py = y0 + size - (i + 1) * size / bins; // axis b grows upwards
        g.fillRect(px, py, x0 + (j + 1) * size / bins - px, y0 + size - i * size / bins - py);
      }
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x0, y0, size, size);
    g.setFont(TITLE);
    FontMetrics fm = g.getFontMetrics();
    for (int pt = 12; fm.stringWidth(title) > size + 40 && pt >= 8; pt--) { // a long title in a small panel
      g.setFont(TITLE.deriveFont((float) pt));
      fm = g.getFontMetrics();
    }
    g.setColor(Color.BLACK);
    g.drawString(title, x0 + (size - fm.stringWidth(title)) / 2, y0 - 7);
    g.setFont(TICK);
    fm = g.getFontMetrics();
    int a = plane[0];
    int b = plane[1];
    for (double t : AxisTicks.of(box.lo(a), box.hi(a), 4)) {
      int px = x0 + (int) Math.round((t - box.lo(a)) / (box.hi(a) - box.lo(a)) * size);
      g.drawLine(px, y0 + size, px, y0 + size + 4);
      String s = AxisTicks.label(t);
      g.drawString(s, px - fm.stringWidth(s) / 2, y0 + size + 5 + fm.getAscent());
    }
    for (double t : AxisTicks.of(box.lo(b), box.hi(b), 4)) {
      int py = y0 + size - (int) Math.round((t - box.lo(b)) / (box.hi(b) - box.lo(b)) * size);
      g.drawLine(x0 - 4, py, x0, py);
      String s = AxisTicks.label(t);
      g.drawString(s, x0 - 6 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
    }
    g.setFont(TITLE);
    fm = g.getFontMetrics();
    g.drawString(AXES[a], x0 + (size - fm.stringWidth(AXES[a])) / 2, y0 + size + 36);
    g.rotate(-Math.PI / 2);
    g.drawString(AXES[b], -(y0 + size / 2 + fm.stringWidth(AXES[b]) / 2), x0 - 42);
    g.rotate(Math.PI / 2);
  }

  /** The colour bar of one row: the scale from 0 to the densest cell, ticks in density units. */
  private static void colorBar(Graphics2D g, double max, int x0, int y0, int size) {
    int w = 14;
    for (int y = 0; y < size; y++) {
      g.setColor(Colormap.at(1 - (double) y / (size - 1)));
      g.drawLine(x0, y0 + y, x0 + w, y0 + y);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(x0, y0, w, size);
    g.setFont(TICK);
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.BLACK);
    for (double t : AxisTicks.of(0, max, 4)) {
      int py = y0 + size - (int) Math.round(Math.sqrt(t / max) * size); // the bar is on the panels' sqrt scale
      g.drawLine(x0 + w, py, x0 + w + 4, py);
      g.drawString(AxisTicks.label(t), x0 + w + 6, py + fm.getAscent() / 2 - 1);
    }
    // the top of the bar (everything denser saturates), right of the bar: a long panel title may overhang to its left
    g.drawString("≥ " + AxisTicks.label(max), x0 + w + 6, y0 - 5);
    g.rotate(Math.PI / 2);
    String label = "density (mass per unit area)";
    g.drawString(label, y0 + (size - fm.stringWidth(label)) / 2, -(x0 + w + 62));
    g.rotate(-Math.PI / 2);
  }
}
