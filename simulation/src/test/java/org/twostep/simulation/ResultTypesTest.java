package org.twostep.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTypesTest {

  @Test
  void eigenTraceCumulativeIsTheRunningMean() {
    EigenTrace t = EigenTrace.of(0.5, 0.7, 0.9, 0.8);
    assertEquals(0.5, t.cumulative(1), 1e-15);
    assertEquals(0.6, t.cumulative(2), 1e-15);
    assertEquals(0.725, t.cumulative(4), 1e-15);
    assertEquals(0.9, t.perGeneration(3), 0);
    assertThrows(IndexOutOfBoundsException.class, () -> t.cumulative(0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.perGeneration(5));
    assertTrue(EigenTrace.empty().isEmpty());
  }

  /** Arrays are copied in and out, and equality is by content. */
  @Test
  void simulationResultIsImmutableAndComparesByContent() {
    float[][] cols = {{1f, 2f}, {3f, 4f}};
    double[] gens = {0.1, 0.2};
    EigenTrace trace = EigenTrace.of(gens);
    SimulationResult r = new SimulationResult(cols, trace);
    cols[0][0] = 99f;
    gens[0] = 99;
    r.columns()[1][1] = 99f;
    r.column(0)[1] = 99f;
    trace.values()[1] = 99;
    assertEquals(new SimulationResult(new float[][] {{1f, 2f}, {3f, 4f}}, EigenTrace.of(0.1, 0.2)), r);
    assertEquals(new SimulationResult(new float[][] {{1f, 2f}, {3f, 4f}}, EigenTrace.of(0.1, 0.2)).hashCode(),
        r.hashCode());
    assertNotEquals(new SimulationResult(new float[][] {{1f, 2f}, {3f, 5f}}, EigenTrace.of(0.1, 0.2)), r);
    assertThrows(IllegalArgumentException.class,
        () -> new SimulationResult(new float[][] {{1f}, {1f, 2f}}, EigenTrace.empty()));
  }
}
