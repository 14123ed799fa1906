package org.twostep.training.frame;

import org.twostep.training.generate.Generator;

/** A generator whose model draws in a {@link SigmaFrame}: its samples are moved out of the frame at sigma. */
public final class FramedGenerator implements Generator {
  private final Generator inFrame;
  private final SigmaFrame frame;

  /** Wraps {@code inFrame}, closing it when closed. */
  public FramedGenerator(Generator inFrame, SigmaFrame frame) {
    if (frame.dim() != inFrame.dim()) {
      throw new IllegalArgumentException("frame of " + frame.dim() + " axes over a generator of " + inFrame.dim());
    }
    this.inFrame = inFrame;
    this.frame = frame;
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
    frame.fromFrame(cloud, sigma);
    return cloud;
  }

  @Override
  public void close() {
    inFrame.close();
  }
}
