/** Benchmarks apart from tests: MeanFlow training-step and generation throughput (issue performance section). */
package org.twostep.training.bench;
