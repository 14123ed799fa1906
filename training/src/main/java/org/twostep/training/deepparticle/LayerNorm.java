package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** LayerNorm over the last axis with a learned gain and shift (PyTorch's fused kernel; eps 1e-5 as torch). */
final class LayerNorm {
  private static final float EPS = 1e-5f;
  private final NDArray gain;
  private final NDArray shift;
  private final Shape normalized;

  LayerNorm(NDArray gain, NDArray shift) {
    this.gain = gain;
    this.shift = shift;
    this.normalized = new Shape(gain.getShape().get(0));
  }

  NDArray apply(NDArray x) {
    return x.getNDArrayInternal().layerNorm(x, normalized, gain, shift, EPS).singletonOrThrow();
  }
}
