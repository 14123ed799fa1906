package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * A layer with two passes: the forward pass, and the same pass with the exact Jacobian-vector product propagated
 * alongside it (forward-mode differentiation; DJL has no forward-mode autodiff and no double backward).
 */
public interface DualLayer {

  /** The forward pass alone (recorded by autograd when a gradient collector is open). */
  NDArray forward(NDArray x);

  /**
   * The forward pass and its tangent {@code J(x)·dx}. The primal is recorded by autograd like {@link #forward};
   * the tangent is computed from detached values, so no gradient flows through it.
   */
  Dual forwardTangent(Dual x);

  /** The trainable parameters, in a fixed order (empty for parameter-free layers). */
  List<NDArray> parameters();

  /** The forward pass on the host, over a copy of the current parameters (the sampling engine "vector"). */
  HostLayer host();
}
