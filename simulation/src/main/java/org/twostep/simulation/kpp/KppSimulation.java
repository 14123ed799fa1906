package org.twostep.simulation.kpp;

import org.twostep.common.data.ParticleCloud;
import org.twostep.common.data.Torus;
import org.twostep.simulation.Simulation;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.SimulationSetup;
import org.twostep.simulation.flow.Flows;

/**
 * The KPP reference task (SPEC §1.2): a cold run from a uniform cloud on the torus for
 * {@code kpp.reference_generations} periods at D = sigma; the final cloud approximates the invariant measure
 * and the trace goes to the eigenvalue table.
 */
public final class KppSimulation implements Simulation {
  private final SimulationSetup setup;
  private final KppConfig kpp;
  private final FeynmanKacSystem system;

  public KppSimulation(SimulationSetup setup, KppConfig kpp, int threads) {
    this.setup = setup;
    this.kpp = kpp;
    this.system = new FeynmanKacSystem(setup.name(), Flows.kpp(setup, kpp), kpp, threads);
  }

  @Override
  public int dim() {
    return setup.dim();
  }

  /** The Feynman-Kac system of this experiment, for warm starts from other clouds (evaluation, SPEC §6). */
  public FeynmanKacSystem system() {
    return system;
  }

  /** The seeds of task (D, replica) of this experiment. */
  public TaskSeeds seeds(double diffusion, int replica) {
    return new TaskSeeds(setup.rootSeed(), diffusion, replica);
  }

  /** The cold start of replica r: uniform on the torus, shared by every D. */
  public ParticleCloud coldStart(int replica) {
    TaskSeeds seeds = seeds(0.0, replica); // the init stream ignores sigma
    return ParticleCloud.ofColumns(Torus.uniform(kpp.particles(), dim(), kpp.domainLength(), seeds.initStream()));
  }

  @Override
  public SimulationResult run(double sigma, int replica) {
    FeynmanKacRun run = system.run(coldStart(replica), sigma, kpp.referenceGenerations(), seeds(sigma, replica));
    float[][] columns = new float[dim()][];
    for (int k = 0; k < dim(); k++) {
      double[] c = run.cloud().column(k);
      columns[k] = new float[c.length];
      for (int i = 0; i < c.length; i++) {
        columns[k][i] = Torus.toFloat(c[i], kpp.domainLength());
      }
    }
    return new SimulationResult(columns, run.trace());
  }
}
