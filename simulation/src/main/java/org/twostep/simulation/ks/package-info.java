/**
 * Keller-Segel chemotaxis particles in 3D and 4D (SPEC §1.1): the uniform-ball initial cloud, the regularised
 * Green's-function drift (the O(P^2) float32 Vector API kernel), Euler-Maruyama stepping and the blow-up check.
 */
package org.twostep.simulation.ks;
