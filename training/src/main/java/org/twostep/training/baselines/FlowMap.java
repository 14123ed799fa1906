package org.twostep.training.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.twostep.training.nn.MeanFlowNet;

/**
 * The IMM flow map {@code f(x_t, s, t) = x_t + (s - t)·G(x_t, s, t, sigma)} (SPEC §4) over the MeanFlow network
 * family, whose time inputs are {@code (t, t - s)}.
 */
final class FlowMap {
  private FlowMap() {}

  /** f for inputs zs = [x_t, sigma features] (n x (d + m)), tau = (t, t - s) (n x 2), step = s - t (n x 1). */
  static NDArray apply(MeanFlowNet net, NDArray zs, NDArray tau, NDArray step, int dim) {
    NDArray x = zs.get(":, :" + dim);
    return x.add(net.forward(zs, tau).mul(step));
  }

  /** Reshapes n x d rows into groups x m x d. */
  static NDArray grouped(NDArray rows, int groups, int size) {
    return rows.reshape(new Shape(groups, size, rows.getShape().get(1)));
  }
}
