package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;

/**
 * A value and its tangent (directional derivative) for forward-mode differentiation. The tangent never carries an
 * autograd graph: the MeanFlow target built from it is a stop-gradient quantity (SPEC §2).
 */
public record Dual(NDArray primal, NDArray tangent) {}
