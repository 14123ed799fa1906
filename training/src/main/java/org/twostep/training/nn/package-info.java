/**
 * The networks of SPEC §2 (MeanFlow: dense, SELU, residual skip, sinusoidal time embedding) and §3 (the corrector's
 * blocks: LayerNorm, dense, SiLU, residual skip) as DJL arrays, every layer with a forward pass and an exact
 * forward-mode tangent (Jacobian-vector product) pass; the one Adam optimizer and EMA of the three trainers, and their
 * one checkpoint layout (weights, Adam moments, EMA or best weights).
 */
package org.twostep.training.nn;
