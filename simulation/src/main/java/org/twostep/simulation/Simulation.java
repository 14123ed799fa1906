package org.twostep.simulation;

/**
 * One experiment's particle system (SPEC §1): immutable and thread-safe; a task is (sigma, replica).
 * The result is a pure function of (configuration, sigma, replica), bit-identical on rerun and for any thread
 * count, so a Spark task recomputed after a failure writes the same particles.
 */
public interface Simulation {

  /**
   * Runs one task. For KS, sigma is the flow amplitude; for KPP it is the diffusion constant D.
   * Replica r has its own initial cloud, shared by every sigma (the job uses 0 = train, 1 = test,
   * 2 = reference_b).
   *
   * @throws org.twostep.common.error.SimulationBlowupException if the particles leave the physical regime
   */
  SimulationResult run(double sigma, int replica);

  int dim();
}
