package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** A residual skip {@code x + f(x)} between equal widths; the tangent is {@code dx + df}. */
public final class Residual implements DualLayer {
  private final DualLayer inner;

  public Residual(DualLayer inner) {
    this.inner = inner;
  }

  @Override
  public NDArray forward(NDArray x) {
    return inner.forward(x).add(x);
  }

  @Override
  public Dual forwardTangent(Dual x) {
    Dual f = inner.forwardTangent(x);
    return new Dual(f.primal().add(x.primal()), f.tangent().addi(x.tangent()));
  }

  @Override
  public HostLayer host() {
    HostLayer f = inner.host();
    return tile -> {
      float[] x = tile.pin();
      f.apply(tile);
      HostActivations.add(x, tile.writable(), tile.rows() * tile.width());
      tile.unpin();
    };
  }

  @Override
  public List<NDArray> parameters() {
    return inner.parameters();
  }
}
