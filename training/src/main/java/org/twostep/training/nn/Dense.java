package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * An affine layer {@code y = x W^T + b} through PyTorch's fused {@code linear}. Its tangent is {@code dx W^T}, with a
 * detached view of W that shares storage, so in-place optimizer updates reach it without re-detaching every step.
 */
public final class Dense implements DualLayer {
  private final NDArray weight;
  private final NDArray bias;
  private final NDArray detachedWeight;

  /** A layer over the given arrays (out x in, and out); the caller decides whether they require gradients. */
  public Dense(NDArray weight, NDArray bias) {
    if (weight.getShape().dimension() != 2 || bias.getShape().dimension() != 1
        || weight.getShape().get(0) != bias.getShape().get(0)) {
      throw new IllegalArgumentException("dense layer needs W (out x in) and b (out), found "
          + weight.getShape() + " and " + bias.getShape());
    }
    this.weight = weight;
    this.bias = bias;
    this.detachedWeight = weight.stopGradient();
  }

  public long inputs() {
    return weight.getShape().get(1);
  }

  public long outputs() {
    return weight.getShape().get(0);
  }

  @Override
  public NDArray forward(NDArray x) {
    return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
  }

  @Override
  public Dual forwardTangent(Dual x) {
    NDArray dx = x.tangent();
    return new Dual(forward(x.primal()), dx.getNDArrayInternal().linear(dx, detachedWeight, null).singletonOrThrow());
  }

  @Override
  public HostLayer host() {
    return new HostDense(weight.toFloatArray(), bias.toFloatArray(), (int) inputs());
  }

  @Override
  public List<NDArray> parameters() {
    return List.of(weight, bias);
  }
}
