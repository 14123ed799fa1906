/**
 * Benchmarks of the particle systems (SPEC §1): the KS pair-sum throughput and full-task wall times. Run them
 * through {@code twostep bench simulate}; they are kept out of the test suite.
 */
package org.twostep.simulation.bench;
