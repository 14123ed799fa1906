package org.twostep.simulation.kpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.simulation.EigenTrace;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.flow.CellularFlow;
import org.twostep.simulation.flow.TimeDependentKolmogorovFlow;
import org.twostep.simulation.flow.VelocityField;
import org.twostep.simulation.flow.ZeroFlow;

class FeynmanKacSystemTest {
  private static final double L = 2 * Math.PI;

  private static KppConfig config(int n, int substeps) {
    return new KppConfig(1.0, 0, substeps, n, 8, 1.0, L);
  }

  private static ParticleCloud uniform(int n, int dim, long seed) {
    return ParticleCloud.ofColumns(Torus.uniform(n, dim, L, new SplittableRandom(seed)));
  }

  /** v = 0: every weight is exp(D lambda^2 dt), so each generation and mu_n equal D lambda^2 exactly. */
  @Test
  void zeroFlowEigenvalueIsDLambdaSquared() {
    double d = 0.3;
    KppConfig kpp = new KppConfig(1.7, 1, 50, 500, 8, 1.0, L);
    EigenTrace trace = new FeynmanKacSystem(new ZeroFlow(2), kpp, 1)
        .run(uniform(500, 2, 1), d, 6, new TaskSeeds(1, d, 0)).trace();
    assertEquals(6, trace.generations());
    for (int g = 1; g <= 6; g++) {
      assertEquals(d * 1.7 * 1.7, trace.perGeneration(g), 1e-12);
      assertEquals(d * 1.7 * 1.7, trace.cumulative(g), 1e-12);
    }
  }

  /**
   * v = 0: the invariant measure is uniform. From all particles at one point, 40 periods at D = 1/4 damp the
   * first Fourier modes by exp(-D t) ~ 5e-5, far below the sampling noise 1/sqrt(N); the empirical modes must be
   * within 6/sqrt(N) of zero (resampling correlates relatives, so the bound is generous), and a point start
   * must have spread over the whole torus (64 cells all occupied).
   */
  @Test
  void zeroFlowInvariantMeasureIsUniform() {
    int n = 4000;
    double[][] point = new double[2][n];
    for (int i = 0; i < n; i++) {
      point[0][i] = 1.0;
      point[1][i] = 2.0;
    }
    ParticleCloud out = new FeynmanKacSystem(new ZeroFlow(2), config(n, 20), 2)
        .run(ParticleCloud.ofColumns(point), 0.25, 40, new TaskSeeds(9, 0.25, 0)).cloud();
    assertEquals(n, out.size());
    int[] cells = new int[64];
    for (int k = 0; k < 2; k++) {
      double c = 0;
      double s = 0;
      for (int i = 0; i < n; i++) {
        c += Math.cos(out.get(i, k)) / n;
        s += Math.sin(out.get(i, k)) / n;
      }
      assertTrue(Math.hypot(c, s) < 6 / Math.sqrt(n), "axis " + k + " mode " + Math.hypot(c, s));
    }
    for (int i = 0; i < n; i++) {
      cells[(int) (out.get(i, 0) / L * 8) * 8 + (int) (out.get(i, 1) / L * 8)]++;
    }
    for (int c : cells) {
      assertTrue(c > 0);
    }
  }

  /** Resampling keeps N, the torus keeps every particle in [0, L), for any starting size and flow. */
  @Test
  void keepsSizeAndStaysOnTheTorus() {
    double[][] start = {{-3.0, 7.0, 100.0}, {0.5, -0.5, 6.3}, {1, 2, 3}};
    FeynmanKacRun run = new FeynmanKacSystem(new TimeDependentKolmogorovFlow(), config(3, 10), 1)
        .run(ParticleCloud.ofColumns(start), 0.2, 3, new TaskSeeds(2, 0.2, 0));
    assertEquals(3, run.cloud().size());
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        double x = run.cloud().get(i, k);
        assertTrue(x >= 0 && x < L, "coordinate " + x);
      }
    }
  }

  /** Rerun and thread count give identical bits (noise is drawn per fixed block, not per thread). */
  @Test
  void deterministicForAnyThreadCount() {
    int n = 3 * FeynmanKacSystem.BLOCK + 17;
    VelocityField flow = new CellularFlow(1.0);
    ParticleCloud start = uniform(n, 2, 4);
    TaskSeeds seeds = new TaskSeeds(5, 0.25, 1);
    FeynmanKacRun one = new FeynmanKacSystem(flow, config(n, 20), 1).run(start, 0.25, 2, seeds);
    FeynmanKacRun two = new FeynmanKacSystem(flow, config(n, 20), 2).run(start, 0.25, 2, seeds);
    assertEquals(one, two);
    FeynmanKacRun other = new FeynmanKacSystem(flow, config(n, 20), 2).run(start, 0.25, 2, new TaskSeeds(5, 0.25, 2));
    assertFalse(one.cloud().equals(other.cloud()));
  }

  /**
   * The flows reproduce the independent particle run quoted in SPEC §1.2 (lambda = 1, e = first axis, D = 1/4):
   * mu = 0.771 +- 0.004 (2D cellular) and 0.599 +- 0.008 (3D Kolmogorov). Generations 9-24 of a cold start with
   * N = 2000 average 16 periods; the tolerance 0.03 covers their spread and the small-N bias.
   */
  @Test
  void reproducesTheReferenceEigenvalues() {
    assertEquals(0.771, warmEigenvalue(new CellularFlow(1.0)), 0.03);
    assertEquals(0.599, warmEigenvalue(new TimeDependentKolmogorovFlow()), 0.03);
  }

  private static double warmEigenvalue(VelocityField flow) {
    int n = 2000;
    EigenTrace t = new FeynmanKacSystem(flow, config(n, 100), 2)
        .run(uniform(n, flow.dim(), 8), 0.25, 24, new TaskSeeds(3, 0.25, 0)).trace();
    double s = 0;
    for (int g = 9; g <= 24; g++) {
      s += t.perGeneration(g);
    }
    return s / 16;
  }
}
