package org.twostep.training.nn;

/**
 * A layer's forward pass on host arrays, without PyTorch: the sampling engine "vector" ({@link HostNet}). It works on
 * one tile of rows at a time and may replace the tile's activations or change them in place.
 */
public interface HostLayer {

  /** Applies the layer to the tile's current activations. */
  void apply(HostTile tile);
}
