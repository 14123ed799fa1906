package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * A value and its tangent (directional derivative) for forward-mode differentiation. The tangent never carries an
 * autograd graph: the MeanFlow target built from it is a stop-gradient quantity (SPEC §2).
 *
 * <p>The tangent may cover only the last rows of the primal (a MeanFlow batch needs no tangent on its r = t rows,
 * which the target multiplies by t - r = 0): layers compute the primal on every row and the tangent on those rows.
 */
public record Dual(NDArray primal, NDArray tangent) {

  /** The rows of {@code a} (primal-sized) that the tangent covers: all of {@code a}, or its last rows. */
  public NDArray tangentRows(NDArray a) {
    long all = a.getShape().get(0);
    long rows = tangent.getShape().get(0);
    return rows == all ? a : a.get(new NDIndex((all - rows) + ":"));
  }
}
