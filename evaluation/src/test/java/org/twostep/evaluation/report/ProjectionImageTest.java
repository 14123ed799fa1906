package org.twostep.evaluation.report;

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
  void renderedImageHasTheStatedSizeAndDensityIsDark() {
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    clouds.put("reference", uniform(2000, 3, 1));
    double[] corner = new double[3 * 200];
    java.util.Arrays.fill(corner, 0.01); // all mass in the low corner of every plane
    clouds.put("meanflow", ParticleCloud.ofRowMajor(3, corner));
    BufferedImage img = ProjectionImage.render(clouds, PlotBox.torus(3, 1.0), 16, 600, 400);
    assertEquals(600, img.getWidth());
    assertEquals(400, img.getHeight());
    // second row, first panel (square panels of the smaller fitting side): its bottom-left cell holds all the
    // mass, its top-right cell none
    int label = 22;
    int size = (int) Math.min((600.0 - label) / 3, (400.0 - label) / 2);
    int x0 = label + 2;
    int y0 = label + size + 2;
    int w = size - 4;
    int h = size - 4;
    int dense = (img.getRGB(x0 + 3, y0 + h - 3) >> 16) & 0xFF; // red channel: white 255, densest 38
    int empty = (img.getRGB(x0 + w - 5, y0 + 5) >> 16) & 0xFF;
    assertTrue(dense < 100 && empty > 250, "dense " + dense + " empty " + empty);
  }
}
