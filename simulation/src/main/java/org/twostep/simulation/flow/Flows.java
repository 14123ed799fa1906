package org.twostep.simulation.flow;

import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.KsConfig;
import org.twostep.simulation.config.SimulationSetup;

/** The flow an experiment names, built for one task's sigma (KS: the amplitude; KPP flows have none). */
public final class Flows {
  private Flows() {}

  /** The KS flow at amplitude {@code sigma}. */
  public static VelocityField ks(SimulationSetup setup, KsConfig ks, double sigma) {
    return switch (setup.flow()) {
      case LAMINAR -> new LaminarFlow(sigma, ks.profile(), setup.dim());
      case KOLMOGOROV -> new KolmogorovFlow(sigma);
      default -> throw new IllegalArgumentException("not a KS flow: " + setup.flow());
    };
  }

  /** The KPP flow (independent of the task's D). */
  public static VelocityField kpp(SimulationSetup setup, KppConfig kpp) {
    return switch (setup.flow()) {
      case CELLULAR -> new CellularFlow(kpp.theta());
      case KOLMOGOROV_TD -> new TimeDependentKolmogorovFlow();
      default -> throw new IllegalArgumentException("not a KPP flow: " + setup.flow());
    };
  }
}
