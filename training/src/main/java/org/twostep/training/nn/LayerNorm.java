package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * LayerNorm over the last axis with a learned gain and shift: {@code y = g·(x - mean)/sqrt(var + eps) + b} (PyTorch's
 * fused kernel, eps 1e-5 as torch). Its tangent, from detached values, is {@code g/s·(dx - mean(dx) - xh·mean(xh·dx))}
 * with {@code xh = (x - mean)/s} and {@code s = sqrt(var + eps)}.
 */
public final class LayerNorm implements DualLayer {
  private static final float EPS = 1e-5f;
  private final NDArray gain;
  private final NDArray shift;
  private final Shape normalized;

  public LayerNorm(NDArray gain, NDArray shift) {
    this.gain = gain;
    this.shift = shift;
    this.normalized = new Shape(gain.getShape().get(0));
  }

  @Override
  public NDArray forward(NDArray x) {
    return x.getNDArrayInternal().layerNorm(x, normalized, gain, shift, EPS).singletonOrThrow();
  }

  @Override
  public Dual forwardTangent(Dual x) {
    NDArray v = x.tangentRows(x.primal()).stopGradient();
    NDArray dx = x.tangent();
    NDArray centred = v.sub(v.mean(new int[] {-1}, true));
    NDArray inverse = centred.square().mean(new int[] {-1}, true).add(EPS).sqrt().pow(-1);
    NDArray unit = centred.mul(inverse);
    NDArray projection = unit.mul(dx).mean(new int[] {-1}, true);
    NDArray tangent = dx.sub(dx.mean(new int[] {-1}, true)).sub(unit.mul(projection)).mul(inverse)
        .mul(gain.stopGradient());
    return new Dual(forward(x.primal()), tangent);
  }

  @Override
  public HostLayer host() {
    return new HostLayerNorm(gain.toFloatArray(), shift.toFloatArray(), EPS);
  }

  @Override
  public List<NDArray> parameters() {
    return List.of(gain, shift);
  }
}
