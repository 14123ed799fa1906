package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;

/** Projection histograms conserve mass and put points in their cells; the image has the stated size. */
class ProjectionImageTest {

  static ParticleCloud uniform(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] c = new double[n * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextDouble();
    }
    return ParticleCloud.ofRowMajor(d, c);
  }

  @Test
  void planesAreXyXzYzAndOnlyXyIn2d() {
    assertEquals(1, ProjectionImage.planes(2).size());
    assertEquals(3, ProjectionImage.planes(3).size());
    assertEquals(3, ProjectionImage.planes(4).size(), "4D shows the planes of the first three axes");
    assertEquals(2, ProjectionImage.planes(3).get(2)[1]);
  }

  @Test
  void massSumsToOneAndPointsLandInTheirCell() {
    PlotBox box = PlotBox.torus(3, 1.0);
    ParticleCloud c = ParticleCloud.ofRowMajor(3, new double[] {0.05, 0.95, 0.5, 0.55, 0.05, 0.5, 2.0, -1.0, 0.5});
    double[][] h = ProjectionImage.histogram(c, 0, 1, box, 10);
    assertEquals(1.0 / 3, h[9][0], 1e-15, "x = 0.05, y = 0.95: column 0, row 9");
    assertEquals(1.0 / 3, h[0][5], 1e-15);
    assertEquals(1.0 / 3, h[0][9], 1e-15, "outside points go to the edge cell");
    double total = 0;
    for (double[] row : ProjectionImage.histogram(uniform(1000, 3, 4), 1, 2, box, 7)) {
      for (double v : row) {
        total += v;
      }
    }
    assertEquals(1.0, total, 1e-12);
  }

  @Test
  void aPaddedBoxContainsTheReference() {
    ParticleCloud ref = uniform(500, 3, 5);
    PlotBox box = PlotBox.around(ref, 0.05);
    for (int k = 0; k < 3; k++) {
      double[] col = ref.column(k);
      double lo = java.util.Arrays.stream(col).min().orElseThrow();
      double hi = java.util.Arrays.stream(col).max().orElseThrow();
      assertEquals(lo - 0.05 * (hi - lo), box.lo(k), 1e-12);
      assertEquals(hi + 0.05 * (hi - lo), box.hi(k), 1e-12);
    }
  }

  @Test
  void theImageFillsItsCanvasAndTheDensestCellIsTheTopOfTheColourBar() {
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    clouds.put("reference", uniform(2000, 3, 1));
    double[] corner = new double[3 * 200];
    java.util.Arrays.fill(corner, 0.01); // all mass in the low corner of every plane
    clouds.put("meanflow", ParticleCloud.ofRowMajor(3, corner));
    BufferedImage img = ProjectionImage.render(clouds, PlotBox.torus(3, 1.0), 16, 200, 900, 700);
    ProjectionImage.Layout layout = ProjectionImage.Layout.fit(3, 2, 900, 700);
    assertEquals(layout.width(), img.getWidth());
    assertEquals(layout.height(), img.getHeight());
    assertTrue(img.getWidth() <= 900 && img.getHeight() <= 700);
    assertTrue(img.getWidth() > 900 - 3 || img.getHeight() > 700 - 2, "one side is filled: " + img.getWidth() + "x"
        + img.getHeight());
    // second row, first panel: its bottom-left cell holds all the mass (the densest cell of the picture, the top
    // colour), its top-right cell none (white)
    int x0 = layout.panelX(0);
    int y0 = layout.panelY(1);
    int size = layout.size();
    assertEquals(Colormap.at(1).getRGB(), img.getRGB(x0 + 3, y0 + size - 3));
    assertEquals(java.awt.Color.WHITE.getRGB(), img.getRGB(x0 + size - 5, y0 + 5));
    for (int row = 0; row < 2; row++) { // a bar on every row, the maximum at its top
      java.awt.Color top = new java.awt.Color(img.getRGB(layout.barX() + 7, layout.panelY(row) + 2));
      java.awt.Color max = Colormap.at(1);
      assertTrue(Math.abs(top.getRed() - max.getRed()) + Math.abs(top.getGreen() - max.getGreen())
          + Math.abs(top.getBlue() - max.getBlue()) < 12, "bar top " + top + " on row " + row);
    }
  }

  @Test
  void densityIsMassPerUnitAreaOfTheCell() {
    PlotBox box = PlotBox.around(ParticleCloud.ofRowMajor(2, new double[] {0, 0, 4, 2}), 0);
    double[][] mass = ProjectionImage.histogram(ParticleCloud.ofRowMajor(2, new double[] {0.1, 0.1, 3.9, 1.9}), 0, 1,
        box, 2);
    double[][] d = ProjectionImage.density(mass, box, 0, 1);
    assertEquals(0.5 / (2.0 * 1.0), d[0][0], 1e-8, "half the mass in a 2 x 1 cell");
    assertEquals(0.5 / 2.0, d[1][1], 1e-8);
    assertEquals(0, d[0][1], 0);
  }

  @Test
  void ticksAreRoundNumbersInsideTheAxis() {
    assertArrayEquals(new double[] {0, 0.5, 1}, AxisTicks.of(0, 1, 2), 1e-12);
    assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, AxisTicks.of(-4.3, 4.4, 4), 1e-12);
    assertEquals("0.25", AxisTicks.label(0.25));
    assertEquals("200", AxisTicks.label(200.0));
    assertEquals("1.0e-04", AxisTicks.label(1e-4));
  }
}
