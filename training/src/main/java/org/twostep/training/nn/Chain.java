package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/** Layers applied in order; the tangent flows through each by the chain rule. */
public final class Chain implements DualLayer {
  private final List<DualLayer> layers;

  public Chain(List<DualLayer> layers) {
    this.layers = List.copyOf(layers);
  }

  @Override
  public NDArray forward(NDArray x) {
    NDArray h = x;
    for (DualLayer layer : layers) {
      h = layer.forward(h);
    }
    return h;
  }

  @Override
  public Dual forwardTangent(Dual x) {
    Dual h = x;
    for (DualLayer layer : layers) {
      h = layer.forwardTangent(h);
    }
    return h;
  }

  @Override
  public HostLayer host() {
    List<HostLayer> hosts = layers.stream().map(DualLayer::host).toList();
    return tile -> {
      for (HostLayer layer : hosts) {
        layer.apply(tile);
      }
    };
  }

  @Override
  public List<NDArray> parameters() {
    List<NDArray> all = new ArrayList<>();
    for (DualLayer layer : layers) {
      all.addAll(layer.parameters());
    }
    return all;
  }
}
