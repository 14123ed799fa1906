package org.twostep.training.nn;

import org.twostep.simulation.parallel.BlockRunner;

/**
 * A network's forward pass on the host (the sampling engine "vector"): rows go through the layers in tiles of
 * {@link #TILE} rows, so the activations stay in cache. A row's output depends only on that row, never on the tiling,
 * so callers cut a batch into blocks of rows shared among threads ({@link #inBlocks}).
 */
public final class HostNet {
  /** Rows per tile: a 64-wide activation of 64 rows is 16 KB. */
  static final int TILE = 64;
  /** Rows per block of {@link #inBlocks}: fixed, so the cut never depends on the thread count. */
  static final int BLOCK = 16 * TILE;
  private final HostLayer layers;
  private final int inputs;
  private final int outputs;

  /** Work on rows {@code from .. to}, start to end (encoding, network, decoding) on one thread. */
  @FunctionalInterface
  public interface RowRange {
    void run(int from, int to);
  }

  /** Runs {@code work} over rows 0 .. rows in blocks of {@link #BLOCK} rows on {@code runner}'s threads. */
  public static void inBlocks(BlockRunner runner, int rows, RowRange work) {
    runner.run((rows + BLOCK - 1) / BLOCK, b -> work.run(b * BLOCK, Math.min(rows, (b + 1) * BLOCK)));
  }

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
