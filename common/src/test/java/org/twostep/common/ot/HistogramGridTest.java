package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/** The SPEC §6 box rule, clamping into edge cells, torus wrapping, and centre/cell round trips. */
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
  void clampsPointsOutsideTheBoxIntoEdgeCells() {
    HistogramGrid grid = HistogramGrid.box(4, new double[] {0}, new double[] {1});
    ParticleCloud far = ParticleCloud.ofColumns(new double[] {-100, 0.3, 1.0, 7});
    assertEquals(0, grid.cellOf(far, 0));
    assertEquals(1, grid.cellOf(far, 1));
    assertEquals(3, grid.cellOf(far, 2), "the upper edge belongs to the last cell");
    assertEquals(3, grid.cellOf(far, 3));
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
