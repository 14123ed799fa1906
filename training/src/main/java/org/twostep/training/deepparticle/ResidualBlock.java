package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import org.twostep.training.nn.Dense;

/** One residual block of SPEC §3: {@code h + Linear(SiLU(Linear(LayerNorm(h))))}. */
final class ResidualBlock {
  private final LayerNorm norm;
  private final Dense first;
  private final Dense second;

  ResidualBlock(LayerNorm norm, Dense first, Dense second) {
    this.norm = norm;
    this.first = first;
    this.second = second;
  }

  NDArray apply(NDArray h) {
    return second.forward(Silu.apply(first.forward(norm.apply(h)))).add(h);
  }
}
