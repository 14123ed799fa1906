/**
 * Thread-count-independent parallelism for the particle systems (SPEC §1: a task's result depends on its seed,
 * never on how many threads computed it): work is cut into fixed blocks, each written by one thread.
 */
package org.twostep.simulation.parallel;
