package org.twostep.simulation.kpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twostep.simulation.EigenTrace;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.Simulations;
import org.twostep.simulation.TestConfigs;

class KppSimulationTest {

  /**
   * The reference task runs kpp.reference_generations periods from the replica's uniform cold start, which is
   * shared by every D (the same from another instance with another thread count, different for another replica,
   * and spread over the whole torus); the result is the configured N particles inside [0, L)^3 with one trace entry
   * per period.
   */
  @Test
  void referenceTaskFromTheSharedColdStart() {
    String extra = "kpp { particles = 300, reference_generations = 3, substeps = 20 }";
    KppSimulation sim = assertInstanceOf(KppSimulation.class,
        Simulations.from(TestConfigs.kpp("kolmogorov_td", 3, extra), 2));
    KppSimulation other = (KppSimulation) Simulations.from(TestConfigs.kpp("kolmogorov_td", 3, extra), 1);
    assertEquals(sim.coldStart(1), other.coldStart(1));
    assertTrue(!sim.coldStart(1).equals(sim.coldStart(2)));
    int[] octants = new int[8];
    org.twostep.common.data.ParticleCloud cold = sim.coldStart(1);
    for (int i = 0; i < cold.size(); i++) {
      int o = 0;
      for (int k = 0; k < 3; k++) {
        o = 2 * o + (cold.get(i, k) < Math.PI ? 0 : 1);
      }
      octants[o]++;
    }
    for (int count : octants) {
      assertTrue(count > 15, "a uniform cold start fills every octant (37.5 expected): " + count);
    }
    SimulationResult r = sim.run(0.125, 1);
    assertEquals(3, r.dim());
    assertEquals(300, r.size());
    for (float[] axis : r.columns()) {
      for (float x : axis) {
        assertTrue(x >= 0 && x < 2 * Math.PI);
      }
    }
    EigenTrace direct = sim.system().run(sim.coldStart(1), 0.125, 3, sim.seeds(0.125, 1)).trace();
    assertEquals(direct, r.trace());
    assertEquals(r, Simulations.from(TestConfigs.kpp("kolmogorov_td", 3, extra), 1).run(0.125, 1));
  }
}
