package org.twostep.simulation.bench;

import com.typesafe.config.Config;
import org.twostep.simulation.Simulation;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.Simulations;

/** Wall time of one full task (sigma, replica) of an experiment: what one Spark task of the simulate job costs. */
public final class TaskTimer {
  private TaskTimer() {}

  /**
   * One timed task.
   *
   * @param experiment experiment name
   * @param sigma the task's sigma (KS amplitude or KPP D)
   * @param particles particles in the result
   * @param seconds wall time
   */
  public record Timing(String experiment, double sigma, int particles, double seconds) {}

  /** Runs task (sigma, replica 0) of the configured experiment with {@code threads} threads. */
  public static Timing time(Config config, double sigma, int threads) {
    Simulation sim = Simulations.from(config, threads);
    long start = System.nanoTime();
    SimulationResult r = sim.run(sigma, 0);
    double seconds = (System.nanoTime() - start) * 1e-9;
    return new Timing(config.getString("experiment.name"), sigma, r.size(), seconds);
  }
}
