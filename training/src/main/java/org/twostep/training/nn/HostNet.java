package org.twostep.training.nn;

/**
 * A network's forward pass on the host (the sampling engine "vector"): rows go through the layers in tiles of
 * {@link #TILE} rows, so the activations stay in cache. A row's output depends only on that row, never on the tiling,
 * so callers may cut a batch among threads anywhere ({@link HostThreads}).
 */
public final class HostNet {
  /** Rows per tile: a 64-wide activation of 64 rows is 16 KB. */
  static final int TILE = 64;
  private final HostLayer layers;
  private final int inputs;
  private final int outputs;

  public HostNet(HostLayer layers, int inputs, int outputs) {
    this.layers = layers;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** The outputs ({@code rows x outputs}, row-major) for {@code x} ({@code rows x inputs}), on this thread. */
  public float[] forward(float[] x, int rows) {
    if (x.length < rows * inputs) {
      throw new IllegalArgumentException("expected " + rows + " x " + inputs + " inputs, found " + x.length);
    }
    float[] y = new float[rows * outputs];
    HostTile tile = new HostTile();
    for (int first = 0; first < rows; first += TILE) {
      int count = Math.min(TILE, rows - first);
      tile.load(x, first, count, inputs);
      layers.apply(tile);
      System.arraycopy(tile.values(), 0, y, first * outputs, count * outputs);
      tile.release(tile.values());
    }
    return y;
  }
}
