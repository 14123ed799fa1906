/**
 * Exact optimal transport and Wasserstein metrics (SPEC §5, §6): dense assignment
 * ({@link org.twostep.common.ot.JonkerVolgenant}, the Stage II coupling of SPEC §3), exact transport
 * between weighted point sets ({@link org.twostep.common.ot.ExactTransport}, network simplex with
 * column generation), log-domain Sinkhorn for the ablation, ground costs (squared Euclidean and
 * periodic minimal image) and the metrics of SPEC §6 ({@link org.twostep.common.ot.Wasserstein}).
 * Results are values with optimality certificates (dual potentials); exceptions mean bad input.
 */
package org.twostep.common.ot;
