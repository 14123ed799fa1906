/**
 * Velocity fields of SPEC §1: the KS laminar (3D, 4D) and Kolmogorov (3D) flows scaled by sigma, and the KPP
 * cellular (2D) and time-dependent Kolmogorov (3D) flows on [0, 2 pi)^d. All are divergence-free.
 */
package org.twostep.simulation.flow;
