/**
 * Typed, validated views of the configuration sections the simulation reads ({@code experiment}, {@code ks},
 * {@code kpp}; SPEC §1 and §7). Every bad value fails with its full key path.
 */
package org.twostep.simulation.config;
