package org.twostep.training.deepparticle;

import java.util.SplittableRandom;
import org.twostep.training.generate.Generator;

/**
 * "MeanFlow replaced by the identity": the prior is the noise itself, N(offset, scale^2 I) in d dimensions,
 * deterministic given the seed, for every sigma (optionally wrapped into [0, L)).
 */
public final class NoiseGenerator implements Generator {
  private final int dim;
  private final double offset;
  private final double scale;
  private final Double torus;

  public NoiseGenerator(int dim, double offset, double scale, Double torus) {
    this.dim = dim;
    this.offset = offset;
    this.scale = scale;
    this.torus = torus;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return true;
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] out = new float[dim][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dim; k++) {
        double x = offset + scale * rng.nextGaussian();
        if (torus != null) {
          x -= torus * Math.floor(x / torus);
        }
        out[k][i] = (float) x;
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
