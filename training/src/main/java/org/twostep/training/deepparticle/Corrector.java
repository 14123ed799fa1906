package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.twostep.training.meanflow.SigmaFeatures;
import org.twostep.training.nn.HostNet;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * {@code R(y, sigma) = y + scale·g(encode((y - mean)/scale), features(sigma))} in model coordinates (SPEC §3): the
 * network, the coordinate encoding and the sigma features together. Batches are single-sigma, so the frame and
 * features are per call.
 */
public final class Corrector {
  private final CorrectorNet net;
  private final Coordinates coords;
  private final SigmaFeatures features;
  private final boolean clampSigma;

  public Corrector(CorrectorNet net, Coordinates coords, SigmaFeatures features) {
    this(net, coords, features, false);
  }

  /**
   * @param clampSigma feed sigma outside the training range as the nearest end of it ({@code dp.clamp_sigma}): the
   *     correction learned at the boundary, applied in the frame of the generator's output at the actual sigma
   */
  public Corrector(CorrectorNet net, Coordinates coords, SigmaFeatures features, boolean clampSigma) {
    if (net.spec().inputs() != coords.encodedWidth() + features.count()
        || net.spec().dim() != coords.dim()) {
      throw new IllegalArgumentException("corrector network " + net.spec() + " does not fit "
          + coords.encodedWidth() + " encoded inputs + " + features.count() + " sigma features");
    }
    this.net = net;
    this.coords = coords;
    this.features = features;
    this.clampSigma = clampSigma;
  }

  public CorrectorNet net() {
    return net;
  }

  public Coordinates coordinates() {
    return coords;
  }

  public SigmaFeatures features() {
    return features;
  }

  /** The fixed arrays of a batch y (row-major model coordinates, n x d) at sigma, on {@code m}. */
  public Inputs inputs(NDManager m, float[] y, int n, double sigma, Frame frame) {
    float[] x = encoded(y, n, sigma, frame);
    return new Inputs(m.create(x, new Shape(n, x.length / n)), m.create(y, new Shape(n, coords.dim())),
        m.create(scale(frame), new Shape(1, coords.dim())));
  }

  /** The network's input rows for y at sigma: encoded coordinates and sigma features. */
  private float[] encoded(float[] y, int n, double sigma, Frame frame) {
    float[] feat = new float[features.count()];
    if (clampSigma) {
      features.writeClamped(sigma, feat, 0);
    } else {
      features.write(sigma, feat, 0);
    }
    return coords.encode(y, n, frame, feat);
  }

  private float[] scale(Frame frame) {
    float[] scale = new float[coords.dim()];
    for (int k = 0; k < scale.length; k++) {
      scale[k] = (float) frame.scale(k);
    }
    return scale;
  }

  /** The displacement {@code R(y) - y = scale·g} (n x d), recorded by autograd when a collector is open. */
  public NDArray displacement(Inputs in) {
    return net.forward(in.x()).mul(in.scale());
  }

  /** R(y) on the host, model coordinates (unwrapped; a torus consumer takes minimal images or wraps). */
  public float[] apply(NDManager parent, float[] y, int n, double sigma, Frame frame) {
    try (NDManager m = parent.newSubManager()) {
      Inputs in = inputs(m, y, n, sigma, frame);
      return displacement(in).add(in.y()).toFloatArray();
    }
  }

  /**
   * As {@link #apply}, with the network on the host ({@code host}, from {@link CorrectorNet#host}): the rows in blocks
   * shared among {@code threads}, each block encoded, corrected and decoded on one thread.
   */
  public float[] apply(HostNet host, BlockRunner threads, float[] y, int n, double sigma, Frame frame) {
    float[] scale = scale(frame);
    int d = scale.length;
    float[] r = new float[n * d];
    HostNet.inBlocks(threads, n, (from, to) -> {
      float[] part = java.util.Arrays.copyOfRange(y, from * d, to * d);
      float[] g = host.forward(encoded(part, to - from, sigma, frame), to - from);
      for (int i = 0; i < to - from; i++) {
        for (int k = 0; k < d; k++) {
          int at = i * d + k;
          r[from * d + at] = g[at] * scale[k] + part[at];
        }
      }
    });
    return r;
  }

  /** A batch's arrays: encoded inputs, y itself, and the frame scale (1 x d). */
  public record Inputs(NDArray x, NDArray y, NDArray scale) {}
}
