/** Benchmark of the optimal transport kernels of SPEC §5-§6 ({@code twostep bench ot}): rows, not prints. */
package org.twostep.common.ot.bench;
