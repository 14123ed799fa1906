/**
 * The Feynman-Kac particle system of SPEC §1.2 for the principal eigenvalue mu(lambda) behind KPP front speeds
 * on the torus [0, L)^d: propagation with the tilted drift, exponential weights, multinomial resampling, and the
 * eigenvalue estimator (per generation and cumulative). Also the cold-start reference task.
 */
package org.twostep.simulation.kpp;
