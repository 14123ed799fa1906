package org.twostep.simulation.ks;

import java.util.SplittableRandom;
import org.twostep.common.error.SimulationBlowupException;
import org.twostep.simulation.EigenTrace;
import org.twostep.simulation.Simulation;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KsConfig;
import org.twostep.simulation.config.SimulationSetup;
import org.twostep.simulation.flow.Flows;
import org.twostep.simulation.flow.VelocityField;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * Keller-Segel particles (SPEC §1.1) advanced by Euler-Maruyama from a uniform cloud in the unit ball:
 * {@code X += [v(X) + chemotactic drift] dt + sqrt(2 mu dt) xi}. Positions are kept in float64; the noise is
 * drawn in a fixed particle-then-axis order from the task's one stream, so the result is thread-independent.
 */
public final class KsSimulation implements Simulation {
  private final SimulationSetup setup;
  private final KsConfig ks;
  private final int threads;

  public KsSimulation(SimulationSetup setup, KsConfig ks, int threads) {
    this.setup = setup;
    this.ks = ks;
    this.threads = threads;
  }

  @Override
  public int dim() {
    return setup.dim();
  }

  @Override
  public SimulationResult run(double sigma, int replica) {
    TaskSeeds seeds = new TaskSeeds(setup.rootSeed(), sigma, replica);
    double[][] x = BallSampler.sample(ks.particles(), dim(), seeds.initStream());
    return new SimulationResult(toFloat(advance(x, sigma, seeds)), EigenTrace.empty());
  }

  /** Runs the T/dt steps in place on {@code x} and returns it. */
  double[][] advance(double[][] x, double sigma, TaskSeeds seeds) {
    int n = ks.particles();
    int d = dim();
    VelocityField flow = Flows.ks(setup, ks, sigma);
    ChemotacticDrift chemotaxis = new ChemotacticDrift(d, n, ks.chi(), ks.mass(), ks.delta());
    double[][] v = new double[d][n];
    double[][] drift = new double[d][n];
    double dt = ks.dt();
    double noiseScale = Math.sqrt(2 * ks.mu() * dt);
    SplittableRandom noise = seeds.noiseStream();
    try (BlockRunner runner = new BlockRunner(threads)) {
      for (int step = 0; step < ks.steps(); step++) {
        flow.evaluate(step * dt, x, 0, n, v);
        if (ks.chi() != 0) {
          chemotaxis.compute(x, drift, runner);
        }
        for (int p = 0; p < n; p++) {
          for (int k = 0; k < d; k++) {
            x[k][p] += (v[k][p] + drift[k][p]) * dt + noiseScale * noise.nextGaussian();
          }
        }
        int bad = BlowupCheck.count(x, ks.blowupRadius());
        if (bad > 0) {
          throw new SimulationBlowupException(setup.name(), sigma, step + 1, bad,
              "non-finite or beyond ks.blowup_radius = " + ks.blowupRadius());
        }
      }
    }
    return x;
  }

  static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][x[0].length];
    for (int k = 0; k < x.length; k++) {
      for (int p = 0; p < x[k].length; p++) {
        f[k][p] = (float) x[k][p];
      }
    }
    return f;
  }
}
