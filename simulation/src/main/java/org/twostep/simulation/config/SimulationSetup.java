package org.twostep.simulation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.rng.Seeds;

/**
 * The {@code experiment} section as the simulation reads it: which particle system, which flow, which
 * dimension, and the root seed. The combinations allowed are those of SPEC §1.
 *
 * @param name experiment name (keys the seed and every error message)
 * @param system the particle system
 * @param flow the flow, one the system knows
 * @param dim the space dimension, one the flow allows
 * @param seed {@code experiment.seed} as configured
 */
public record SimulationSetup(String name, SystemKind system, FlowKind flow, int dim, long seed) {

  public SimulationSetup {
    if (flow.system() != system) {
      throw new InvalidConfigException("experiment.flow", flow.key(), "a flow of system " + system.key()
          + " (one of " + FlowKind.keysOf(system) + ")");
    }
    if (!flow.allows(dim)) {
      throw new InvalidConfigException("experiment.dim", dim, "a dimension flow " + flow.key() + " allows ("
          + flow.dims() + ")");
    }
  }

  /** Reads and validates the {@code experiment} section. */
  public static SimulationSetup from(Config config) {
    String name = ConfigReads.string(config, "experiment.name");
    SystemKind system = SystemKind.of(ConfigReads.string(config, "experiment.system"));
    String flowKey = ConfigReads.string(config, "experiment.flow");
    FlowKind flow = FlowKind.of(flowKey, system);
    long dim = ConfigReads.integer(config, "experiment.dim");
    if (dim < 1 || dim > 4) {
      throw new InvalidConfigException("experiment.dim", dim, "one of " + flow.dims());
    }
    long seed = ConfigReads.integer(config, "experiment.seed");
    return new SimulationSetup(name, system, flow, (int) dim, seed);
  }

  /** The root of every stream of the experiment: the configured seed mixed with the experiment name. */
  public long rootSeed() {
    return Seeds.derive(seed, Seeds.coordinate(name));
  }
}
