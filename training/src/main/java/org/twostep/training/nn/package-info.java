/**
 * The MeanFlow network of SPEC §2 as DJL arrays, with a forward pass and an exact forward-mode tangent
 * (Jacobian-vector product) pass through every layer: dense, SELU, residual skip, sinusoidal time embedding.
 */
package org.twostep.training.nn;
