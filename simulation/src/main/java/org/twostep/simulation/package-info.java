/**
 * The particle systems of SPEC §1 behind one contract: {@link org.twostep.simulation.Simulation} runs one
 * task (sigma, replica) of an experiment, {@link org.twostep.simulation.Simulations} builds the experiment's
 * system from the configuration. Sub-packages: {@code flow} (velocity fields), {@code ks} (Keller-Segel,
 * §1.1), {@code kpp} (Feynman-Kac KPP eigenvalue, §1.2), {@code config}, {@code parallel}, {@code bench}.
 */
package org.twostep.simulation;
