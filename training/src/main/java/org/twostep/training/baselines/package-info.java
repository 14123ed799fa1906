/**
 * Baselines of SPEC §4: IMM self-distillation (a one-step flow map trained by matching, with a Laplace-kernel MMD
 * over groups, its big step against its own frozen pair of half steps), sharing MeanFlow's data, network family and
 * budget. (The multi-step MeanFlow baseline is {@code MeanFlowGenerator} with more steps.)
 */
package org.twostep.training.baselines;
