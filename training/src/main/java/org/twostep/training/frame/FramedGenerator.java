package org.twostep.training.frame;

import org.twostep.training.generate.Generator;

/** A generator whose model draws in a {@link SigmaTrend} frame: its samples are moved out of the frame at sigma. */
public final class FramedGenerator implements Generator {
  private final Generator inFrame;
  private final SigmaTrend trend;

  /** Wraps {@code inFrame}, closing it when closed. */
  public FramedGenerator(Generator inFrame, SigmaTrend trend) {
    if (trend.dim() != inFrame.dim()) {
      throw new IllegalArgumentException("frame of " + trend.dim() + " axes over a generator of " + inFrame.dim());
    }
    this.inFrame = inFrame;
    this.trend = trend;
  }

  @Override
  public int dim() {
    return inFrame.dim();
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return inFrame.inTrainingRange(sigma);
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    return moveOut(inFrame.generate(sigma, n, seed), sigma);
  }

  /** The inner generator's pieces, each moved out of the frame (so a framed cloud is drawn in bounded memory too). */
  @Override
  public java.util.Iterator<float[][]> pieces(double sigma, long n, long seed, int piece) {
    java.util.Iterator<float[][]> inner = inFrame.pieces(sigma, n, seed, piece);
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return inner.hasNext();
      }

      @Override
      public float[][] next() {
        return moveOut(inner.next(), sigma);
      }
    };
  }

  private float[][] moveOut(float[][] cloud, double sigma) {
    for (int k = 0; k < cloud.length; k++) {
      double m = trend.mean(k, sigma);
      double s = trend.scale(k, sigma);
      float[] axis = cloud[k];
      for (int i = 0; i < axis.length; i++) {
        axis[i] = (float) (m + s * axis[i]);
      }
    }
    return cloud;
  }

  @Override
  public void close() {
    inFrame.close();
  }
}
