package org.twostep.training.nn;

import org.twostep.simulation.parallel.BlockRunner;

/**
 * {@link MeanFlowNet} on the host for what a sampler asks: many z at one sigma and one (t, t - r). The inputs every
 * row shares, {@code [sigma features, emb(t, t - r)]}, enter the first layer once per batch as part of its bias, so a
 * row costs only its d inputs there.
 */
public final class HostMeanFlow {
  private final NetSpec spec;
  private final float[] firstWeight; // width x input width, PyTorch's layout
  private final float[] firstBias;
  private final HostLayer embedding;
  private final HostLayer afterFirst;

  HostMeanFlow(NetSpec spec, float[] firstWeight, float[] firstBias, HostLayer embedding, HostLayer afterFirst) {
    this.spec = spec;
    this.firstWeight = firstWeight;
    this.firstBias = firstBias;
    this.embedding = embedding;
    this.afterFirst = afterFirst;
  }

  /**
   * {@code u(z, r, t, sigma)} for {@code rows} rows of z (row-major, d columns) sharing the sigma features and
   * {@code (t, t - r)}: rows x d.
   */
  public float[] velocity(float[] z, int rows, float[] sigmaFeatures, double t, double tMinusR, BlockRunner threads) {
    int d = spec.dim();
    int in = spec.inputWidth();
    float[] shared = new float[in - d];
    System.arraycopy(sigmaFeatures, 0, shared, 0, sigmaFeatures.length);
    HostTile one = new HostTile();
    one.load(new float[] {(float) t, (float) tMinusR}, 0, 1, 2);
    embedding.apply(one);
    System.arraycopy(one.values(), 0, shared, sigmaFeatures.length, one.width());
    int width = firstBias.length;
    float[] bias = new float[width];
    float[] zWeight = new float[width * d];
    for (int j = 0; j < width; j++) {
      float b = firstBias[j];
      for (int k = d; k < in; k++) {
        b = Math.fma(firstWeight[j * in + k], shared[k - d], b);
      }
      bias[j] = b;
      System.arraycopy(firstWeight, j * in, zWeight, j * d, d);
    }
    HostDense first = new HostDense(zWeight, bias, d);
    HostNet net = new HostNet(tile -> {
      first.apply(tile);
      afterFirst.apply(tile);
    }, d, d);
    float[] u = new float[rows * d];
    HostNet.inBlocks(threads, rows, (from, to) -> {
      float[] part = net.forward(java.util.Arrays.copyOfRange(z, from * d, to * d), to - from);
      System.arraycopy(part, 0, u, from * d, part.length);
    });
    return u;
  }
}
