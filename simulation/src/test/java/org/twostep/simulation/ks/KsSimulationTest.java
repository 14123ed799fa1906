package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twostep.common.error.SimulationBlowupException;
import org.twostep.simulation.Simulation;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.Simulations;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.TestConfigs;
import org.twostep.simulation.config.KsConfig;
import org.twostep.simulation.config.SimulationSetup;

class KsSimulationTest {

  private static KsSimulation ks(String flow, int dim, String extra, int threads) {
    Simulation s = Simulations.from(TestConfigs.ks(flow, dim, extra), threads);
    return assertInstanceOf(KsSimulation.class, s);
  }

  private static double[][] initial(KsSimulation sim, String extra, int dim, double sigma, int replica) {
    SimulationSetup setup = SimulationSetup.from(TestConfigs.ks("laminar", dim, extra));
    int n = KsConfig.from(TestConfigs.ks("laminar", dim, extra)).particles();
    return BallSampler.sample(n, dim, new TaskSeeds(setup.rootSeed(), sigma, replica).initStream());
  }

  /** chi = 0, no flow: Brownian motion, so the displacement covariance is 2 mu T I (5 standard errors). */
  @Test
  void pureDiffusionGrowsCovarianceByTwoMuT() {
    String extra = "ks { chi = 0, mu = 0.5, t_end = 0.1, dt = 1e-3, particles = 6000 }";
    int n = 6000;
    KsSimulation sim = ks("laminar", 3, extra, 1);
    double[][] x0 = initial(sim, extra, 3, 0.0, 0);
    SimulationResult r = sim.run(0.0, 0);
    double expected = 2 * 0.5 * 0.1;
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b <= a; b++) {
        double c = 0;
        for (int i = 0; i < n; i++) {
          c += (r.columns()[a][i] - x0[a][i]) * (r.columns()[b][i] - x0[b][i]);
        }
        c /= n;
        // Var of a product of independent N(0, s) is s^2; of a square, 2 s^2
        double se = expected * Math.sqrt((a == b ? 2.0 : 1.0) / n);
        assertEquals(a == b ? expected : 0.0, c, 5 * se, "covariance " + a + "," + b);
      }
    }
  }

  /** chi = 0, mu = 0: the laminar flow alone moves every particle by sigma f(y, z) T along x; on the axis, sigma T. */
  @Test
  void laminarFlowAloneShearsBySigmaT() {
    String extra = "ks { chi = 0, mu = 0, particles = 3 }";
    KsSimulation sim = ks("laminar", 3, extra, 1);
    double[][] x = {{0.1, -0.2, 0.4}, {0.0, 0.5, 1.0}, {0.0, 0.0, -1.0}};
    double sigma = 150;
    sim.advance(x, sigma, new TaskSeeds(1, sigma, 0));
    double t = 0.02;
    assertEquals(0.1 + sigma * t, x[0][0], 1e-12);
    assertEquals(-0.2 + sigma * Math.exp(-0.25) * t, x[0][1], 1e-12);
    assertEquals(0.4 + sigma * Math.exp(-2) * t, x[0][2], 1e-12);
    assertArrayEquals(new double[] {0.0, 0.5, 1.0}, x[1], 0);
    assertArrayEquals(new double[] {0.0, 0.0, -1.0}, x[2], 0);
  }

  /**
   * chi = 0, mu = 0 in the Kolmogorov flow: Euler's error against an RK4 solution of dx/dt = v(x) is first order,
   * so halving dt halves it (ratio in [1.8, 2.2]), and the coarse run is measurably wrong (a test that can fail).
   */
  @Test
  void kolmogorovAdvectionConvergesAtFirstOrder() {
    double sigma = 60;
    double[] start = {0.3, -0.2, 0.5};
    double[] exact = rk4Kolmogorov(start, sigma, 0.02, 20000);
    double[] errors = new double[3];
    for (int level = 0; level < 3; level++) {
      double dt = 2e-4 / (1 << level);
      KsSimulation sim = ks("kolmogorov", 3, "ks { chi = 0, mu = 0, particles = 2, dt = " + dt + " }", 1);
      double[][] x = {{start[0], 0}, {start[1], 0}, {start[2], 0}};
      sim.advance(x, sigma, new TaskSeeds(1, sigma, 0));
      errors[level] = Math.sqrt(Math.pow(x[0][0] - exact[0], 2) + Math.pow(x[1][0] - exact[1], 2)
          + Math.pow(x[2][0] - exact[2], 2));
    }
    assertTrue(errors[0] > 1e-4, "coarse error " + errors[0]);
    for (int level = 1; level < 3; level++) {
      double ratio = errors[level - 1] / errors[level];
      assertTrue(ratio > 1.8 && ratio < 2.2, "error ratio " + ratio + " at level " + level);
    }
  }

  private static double[] rk4Kolmogorov(double[] x0, double sigma, double t, int steps) {
    org.twostep.simulation.flow.KolmogorovFlow f = new org.twostep.simulation.flow.KolmogorovFlow(sigma);
    double h = t / steps;
    double[] x = x0.clone();
    for (int i = 0; i < steps; i++) {
      double[] k1 = f.at(0, x);
      double[] k2 = f.at(0, axpy(x, h / 2, k1));
      double[] k3 = f.at(0, axpy(x, h / 2, k2));
      double[] k4 = f.at(0, axpy(x, h, k3));
      for (int k = 0; k < 3; k++) {
        x[k] += h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
      }
    }
    return x;
  }

  private static double[] axpy(double[] x, double a, double[] y) {
    double[] r = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      r[k] = x[k] + a * y[k];
    }
    return r;
  }

  private static double radiusOfGyration(float[][] c) {
    int n = c[0].length;
    double s = 0;
    for (float[] axis : c) {
      double m = 0;
      for (float v : axis) {
        m += v;
      }
      m /= n;
      for (float v : axis) {
        s += (v - m) * (v - m);
      }
    }
    return Math.sqrt(s / n);
  }

  /** SPEC §1.1: with the defaults, sigma = 0 aggregates the cloud to about half its radius of gyration. */
  @Test
  void aggregatesAtSigmaZero() {
    String extra = "ks.particles = 2000";
    KsSimulation sim = ks("laminar", 3, extra, 2);
    double[][] x0 = initial(sim, extra, 3, 0.0, 0);
    double before = radiusOfGyration(KsSimulation.toFloat(x0));
    double after = radiusOfGyration(sim.run(0.0, 0).columns());
    double ratio = after / before;
    assertTrue(ratio > 0.3 && ratio < 0.65, "radius of gyration ratio " + ratio);
  }

  /**
   * SPEC §1.1: sigma = 200 stretches the laminar cloud about 2x along x. Measured as the aspect ratio of the final
   * cloud (std along x over std across; 1 at sigma = 0 by symmetry): the shear wins over the aggregation along x only.
   */
  @Test
  void stretchesAlongTheFlowAtSigma200() {
    String extra = "ks.particles = 2000";
    KsSimulation sim = ks("laminar", 3, extra, 2);
    double[][] x0 = initial(sim, extra, 3, 200.0, 0);
    float[][] x = sim.run(200.0, 0).columns();
    double aspect = std(x[0]) / std(x[1]);
    assertTrue(aspect > 1.6 && aspect < 3.0, "aspect ratio x/y " + aspect);
    assertTrue(std(x[0]) > std(KsSimulation.toFloat(x0)[0]), "longer along x than at the start");
    assertTrue(std(x[1]) < std(KsSimulation.toFloat(x0)[1]), "aggregates across the flow");
  }

  private static double std(float[] v) {
    double m = 0;
    for (float f : v) {
      m += f;
    }
    m /= v.length;
    double s = 0;
    for (float f : v) {
      s += (f - m) * (f - m);
    }
    return Math.sqrt(s / v.length);
  }

  /** Rerun and thread count give identical bits; another replica differs; every sigma shares the initial cloud. */
  @Test
  void deterministicAndSharedInitialCloud() {
    String extra = "ks { particles = 700, t_end = 0.004 }";
    SimulationResult a = ks("kolmogorov", 3, extra, 1).run(40, 1);
    SimulationResult b = ks("kolmogorov", 3, extra, 2).run(40, 1);
    assertEquals(a, b);
    assertFalse(a.equals(ks("kolmogorov", 3, extra, 2).run(40, 2)));
    assertFalse(a.equals(ks("kolmogorov", 3, extra, 2).run(60, 1)));
    // mu = 0 and chi = 0: the laminar flow leaves y and z as they started, so they reveal the initial cloud
    String frozen = "ks { particles = 700, t_end = 0.004, chi = 0, mu = 0 }";
    SimulationResult s1 = ks("laminar", 4, frozen, 2).run(20, 0);
    SimulationResult s2 = ks("laminar", 4, frozen, 2).run(180, 0);
    assertArrayEquals(s1.column(1), s2.column(1));
    assertArrayEquals(s1.column(3), s2.column(3));
  }

  /** A particle beyond the blow-up radius stops the task with the experiment, sigma, step and count. */
  @Test
  void blowupNamesExperimentSigmaStepAndCount() {
    KsSimulation sim = ks("laminar", 3, "ks { particles = 64, chi = 0, mu = 0, blowup_radius = 2 }", 1);
    double[][] x = {new double[64], new double[64], new double[64]};
    x[1][5] = 1.99; // off axis: f = exp(-3.96), barely moves
    x[0][9] = 1.91; // on the axis: sigma dt = 0.02 per step, so |x| > 2 first after step 5 (2.01)
    x[0][10] = 1.91;
    double sigma = 100;
    SimulationBlowupException e = assertThrows(SimulationBlowupException.class,
        () -> sim.advance(x, sigma, new TaskSeeds(1, sigma, 0)));
    assertEquals("experiment test-ks, sigma 100.0: blow-up at step 5, 2 particle(s) non-finite or beyond "
        + "ks.blowup_radius = 2.0", e.getMessage());
  }

  @Test
  void blowupCheckCountsNonFiniteAndFar() {
    double[][] x = {{0, Double.NaN, 3, 0}, {0, 0, 0, Double.NEGATIVE_INFINITY}};
    assertEquals(3, BlowupCheck.count(x, 2.5));
  }

  /** The 4D system aggregates at sigma = 0 too (C_4 = 1/(2 pi^2), weight (r^2 + delta^2)^-2). */
  @Test
  void fourDimensionalAggregation() {
    String extra = "ks.particles = 2000";
    KsSimulation sim = ks("laminar", 4, extra, 2);
    double before = radiusOfGyration(KsSimulation.toFloat(initial(sim, extra, 4, 0.0, 0)));
    double after = radiusOfGyration(sim.run(0.0, 0).columns());
    assertTrue(after < 0.9 * before, "4D radius of gyration " + before + " -> " + after);
  }
}
