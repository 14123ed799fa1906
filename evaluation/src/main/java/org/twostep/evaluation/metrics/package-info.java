/**
 * The evaluation metrics of SPEC §6 (histogram, torus, projected W2 and subsample EMD, by module {@code common}'s
 * optimal transport; moment errors) and the rows of {@code metrics/} (SPEC §7). Plain Java: the Spark job feeds it.
 */
package org.twostep.evaluation.metrics;
