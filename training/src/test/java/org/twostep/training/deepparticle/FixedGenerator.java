package org.twostep.training.deepparticle;

import org.twostep.training.generate.Generator;

/** A generator that returns the first n of a fixed set of points (to evaluate a corrector on a grid). */
final class FixedGenerator implements Generator {
  private final float[][] points;

  FixedGenerator(float[][] points) {
    this.points = points;
  }

  @Override
  public int dim() {
    return points.length;
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return true;
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    float[][] out = new float[points.length][];
    for (int k = 0; k < points.length; k++) {
      out[k] = java.util.Arrays.copyOf(points[k], n);
    }
    return out;
  }

  @Override
  public void close() {}
}
