package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * SiLU (swish), {@code x·sigmoid(x)}: two fused PyTorch ops, differentiated by autograd. Its tangent, from detached
 * values, is {@code (s + x·s·(1 - s))·dx} with {@code s = sigmoid(x)}.
 */
public final class Silu implements DualLayer {

  @Override
  public NDArray forward(NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }

  @Override
  public Dual forwardTangent(Dual x) {
    NDArray v = x.tangentRows(x.primal()).stopGradient();
    NDArray s = v.getNDArrayInternal().sigmoid();
    NDArray slope = s.add(v.mul(s).mul(s.neg().add(1)));
    return new Dual(forward(x.primal()), slope.muli(x.tangent()));
  }

  @Override
  public HostLayer host() {
    return HostActivations::silu;
  }

  @Override
  public List<NDArray> parameters() {
    return List.of();
  }
}
