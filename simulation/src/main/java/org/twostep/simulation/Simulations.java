package org.twostep.simulation;

import com.typesafe.config.Config;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.KsConfig;
import org.twostep.simulation.config.SimulationSetup;
import org.twostep.simulation.kpp.KppSimulation;
import org.twostep.simulation.ks.KsSimulation;

/** Builds an experiment's particle system from its configuration (validated, with full key paths on error). */
public final class Simulations {
  private Simulations() {}

  /**
   * The system {@code experiment.system} names, using {@code threads} threads per task (results do not depend
   * on it).
   */
  public static Simulation from(Config config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, found " + threads);
    }
    SimulationSetup setup = SimulationSetup.from(config);
    return switch (setup.system()) {
      case KS -> new KsSimulation(setup, KsConfig.from(config), threads);
      case KPP -> new KppSimulation(setup, KppConfig.from(config, setup.dim()), threads);
    };
  }
}
