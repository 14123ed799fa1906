package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * SELU (Klambauer et al. 2017), {@code lambda·x} for x > 0 and {@code lambda·alpha·(e^x - 1)} otherwise. Its derivative
 * reuses the output: {@code lambda} for x > 0 and {@code y + lambda·alpha} otherwise, so the tangent costs no
 * exponential.
 */
public final class Selu implements DualLayer {
  static final double LAMBDA = 1.0507009873554804934193349852946;
  static final double ALPHA = 1.6732632423543772848170429916717;

  private final NDArray zero;
  private final NDArray lambda;
  private final NDArray lambdaAlpha;

  /** Scalar constants live on {@code manager}, in the network's data type, created once. */
  public Selu(NDManager manager, DataType dtype) {
    this.zero = Tensors.scalar(manager, 0, dtype);
    this.lambda = Tensors.scalar(manager, LAMBDA, dtype);
    this.lambdaAlpha = Tensors.scalar(manager, LAMBDA * ALPHA, dtype);
  }

  @Override
  public NDArray forward(NDArray x) {
    return x.getNDArrayInternal().selu();
  }

  @Override
  public Dual forwardTangent(Dual x) {
    NDArray y = forward(x.primal());
    NDArray slopeBelow = x.tangentRows(y).stopGradient().add(lambdaAlpha);
    NDArray slope = TorchOps.where(x.tangentRows(x.primal()).lte(zero), slopeBelow, lambda);
    return new Dual(y, slope.muli(x.tangent()));
  }

  @Override
  public HostLayer host() {
    return HostActivations::selu;
  }

  @Override
  public List<NDArray> parameters() {
    return List.of();
  }
}
