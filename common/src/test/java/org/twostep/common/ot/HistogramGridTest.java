package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/** The SPEC §6 box rule, the lattice past the box, torus wrapping, and centre/cell round trips. */
class HistogramGridTest {

  @Test
  void padsTheReferenceBoxByFivePercentPerSide() {
    ParticleCloud ref = ParticleCloud.ofColumns(new double[] {0, 10}, new double[] {-1, 1});
    HistogramGrid grid = HistogramGrid.fromReference(ref, 10, HistogramGrid.DEFAULT_PADDING);
    // x spans [-0.5, 10.5] in cells of width 1.1: the first centre is -0.5 + 0.55
    double[] c = new double[2];
    grid.centre(0, c, 0);
    assertEquals(0.05, c[0], 1e-12);
    assertEquals(-0.99, c[1], 1e-12);
    grid.centre(grid.cells() - 1, c, 0);
    assertEquals(10.5 - 0.55, c[0], 1e-12);
  }

  @Test
  void pointsOutsideTheBoxFallIntoTheLatticeContinuedPastIt() {
    HistogramGrid grid = HistogramGrid.box(4, new double[] {0}, new double[] {1});
    ParticleCloud far = ParticleCloud.ofColumns(new double[] {-100, 0.3, 1.0, 7, 1.01});
    assertEquals(1, grid.cellOf(far, 1));
    assertEquals(3, grid.cellOf(far, 2), "the upper edge belongs to the last cell");
    org.junit.jupiter.api.Assertions.assertFalse(grid.outside(far, 2));
    org.junit.jupiter.api.Assertions.assertTrue(grid.outside(far, 0) && grid.outside(far, 3) && grid.outside(far, 4));
    assertEquals(3 / 5.0, grid.outsideFraction(far), 1e-15);
    assertEquals(-400, grid.latticeIndex(far, 0)[0]);
    assertEquals(28, grid.latticeIndex(far, 3)[0]);
    assertEquals(4, grid.latticeIndex(far, 4)[0], "just past the box: the first cell beyond it");
    assertEquals(grid.cellOf(far, 1), grid.boxCell(grid.latticeIndex(far, 1)), "inside, the lattice is the box");
    assertEquals(3, grid.boxCell(grid.latticeIndex(far, 2)));
    assertEquals(-1, grid.boxCell(grid.latticeIndex(far, 4)));
    double[] c = new double[1];
    grid.latticeCentre(grid.latticeIndex(far, 3), c, 0);
    assertEquals(7.125, c[0], 1e-12);
    assertThrows(InvalidInputException.class,
        () -> grid.latticeIndex(ParticleCloud.ofColumns(new double[] {Double.NaN}), 0));
  }

  @Test
  void aCloudShiftedOutOfTheBoxScoresItsTrueShiftNotTheEdge() {
    double[] ref = new double[400];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = (i + 0.5) / ref.length;
    }
    double[] inside = ref.clone();
    double[] outside = ref.clone();
    for (int i = 0; i < ref.length; i++) {
      inside[i] += 0.05;
      outside[i] += 5;
    }
    ParticleCloud r = ParticleCloud.ofColumns(ref);
    HistogramGrid grid = HistogramGrid.fromReference(r, 24, HistogramGrid.DEFAULT_PADDING);
    double near = Wasserstein.histogram(r, ParticleCloud.ofColumns(inside), grid).w2sq();
    double far = Wasserstein.histogram(r, ParticleCloud.ofColumns(outside), grid).w2sq();
    // 1D: a shift by s costs s^2; binning moves each point by at most a cell width (1.1/24)
    assertEquals(25, far, 2 * 5 * 1.1 / 24 + 0.01, "the whole shift is paid, not the distance to the edge");
    org.junit.jupiter.api.Assertions.assertTrue(near < 0.01 && far > 100 * near, near + " vs " + far);
  }

  @Test
  void wrapsCoordinatesOnTheTorus() {
    HistogramGrid grid = HistogramGrid.torus(1, 2.0, 4);
    ParticleCloud c = ParticleCloud.ofColumns(new double[] {-0.1, 2.1, 4.7});
    assertEquals(3, grid.cellOf(c, 0));
    assertEquals(0, grid.cellOf(c, 1));
    assertEquals(1, grid.cellOf(c, 2));
  }

  @Test
  void everyCentreLiesInItsOwnCell() {
    HistogramGrid grid = HistogramGrid.box(5, new double[] {-1, 0, 2}, new double[] {1, 3, 2.5});
    double[] centres = new double[grid.cells() * 3];
    for (int cell = 0; cell < grid.cells(); cell++) {
      grid.centre(cell, centres, cell * 3);
    }
    ParticleCloud cloud = ParticleCloud.ofRowMajor(3, centres);
    for (int cell = 0; cell < grid.cells(); cell++) {
      assertEquals(cell, grid.cellOf(cloud, cell));
    }
  }

  @Test
  void rejectsBadGrids() {
    assertThrows(InvalidInputException.class, () -> HistogramGrid.box(0, new double[] {0}, new double[] {1}));
    assertThrows(InvalidInputException.class, () -> HistogramGrid.box(3, new double[] {1}, new double[] {1}));
    assertThrows(InvalidInputException.class, () -> HistogramGrid.torus(2, -1, 8));
  }
}
