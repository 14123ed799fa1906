package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;

/** SiLU (swish), {@code x·sigmoid(x)}: two fused PyTorch ops, differentiated by autograd. */
final class Silu {
  private Silu() {}

  static NDArray apply(NDArray x) {
    return x.mul(x.getNDArrayInternal().sigmoid());
  }
}
