package org.twostep.evaluation.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twostep.common.data.ParticleCloud;

/**
 * Projection density images (SPEC §6 plots): one row per cloud (reference, then models), one column per coordinate
 * plane (x-y, x-z, y-z; in 2D the single x-y plane of each cloud side by side), each a square 2D histogram on the
 * shared {@link PlotBox}. Densities in a column
 * share one colour scale, so a darker cell means more mass in every panel of that column.
 */
public final class ProjectionImage {
  private static final String[] AXES = {"x", "y", "z", "w"};
  private static final int LABEL = 22;

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
  public static double[][] histogram(ParticleCloud cloud, int a, int b, PlotBox box, int bins) {
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

  /** Renders the clouds (in map order, first the reference) as a width x height image. */
  public static BufferedImage render(Map<String, ParticleCloud> clouds, PlotBox box, int bins, int width, int height) {
    Headless.ensure();
    List<int[]> planes = planes(box.dim());
    List<String> names = new ArrayList<>(clouds.keySet());
    double[][][][] hist = new double[names.size()][planes.size()][][];
    double[] max = new double[planes.size()];
    for (int r = 0; r < names.size(); r++) {
      for (int c = 0; c < planes.size(); c++) {
        hist[r][c] = histogram(clouds.get(names.get(r)), planes.get(c)[0], planes.get(c)[1], box, bins);
        for (double[] row : hist[r][c]) {
          for (double v : row) {
            max[c] = Math.max(max[c], v);
          }
        }
      }
    }
    // clouds down, planes across; a single plane (2D) puts the clouds side by side instead. Panels are square.
    boolean across = planes.size() == 1;
    int cols = across ? names.size() : planes.size();
    int rows = across ? 1 : names.size();
    int size = (int) Math.min((double) (width - LABEL) / cols, (double) (height - LABEL) / rows);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.setColor(Color.BLACK);
      for (int c = 0; c < cols; c++) {
        String title = across ? names.get(c) + " (" + plane(planes.get(0)) + ")" : plane(planes.get(c));
        g.drawString(title, LABEL + c * size + size / 2 - title.length() * 3, 15);
      }
      for (int r = 0; r < rows; r++) {
        if (!across) {
          g.setColor(Color.BLACK);
          g.rotate(-Math.PI / 2);
          g.drawString(names.get(r), -(LABEL + r * size + size / 2 + names.get(r).length() * 3), 15);
          g.rotate(Math.PI / 2);
        }
        for (int c = 0; c < cols; c++) {
          int cloud = across ? c : r;
          int plane = across ? 0 : c;
          panel(g, hist[cloud][plane], max[plane], LABEL + c * size + 2, LABEL + r * size + 2, size - 4, size - 4);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static String plane(int[] axes) {
    return AXES[axes[0]] + "-" + AXES[axes[1]];
  }

  private static void panel(Graphics2D g, double[][] h, double max, int x0, int y0, int w, int hgt) {
    int bins = h.length;
    for (int i = 0; i < bins; i++) {
      for (int j = 0; j < bins; j++) {
        // sqrt scale saturating at half the peak: thin tails stay visible next to a dense core
        float t = max > 0 ? (float) Math.min(1, Math.sqrt(2 * h[i][j] / max)) : 0f;
        g.setColor(new Color(1f - 0.85f * t, 1f - 0.7f * t, 1f - 0.3f * t));
        int px = x0 + j * w / bins;
        int py = y0 + hgt - (i + 1) * hgt / bins; // axis b grows upwards
        g.fillRect(px, py, x0 + (j + 1) * w / bins - px, y0 + hgt - i * hgt / bins - py);
      }
    }
    g.setColor(Color.GRAY);
    g.drawRect(x0, y0, w, hgt);
  }
}
