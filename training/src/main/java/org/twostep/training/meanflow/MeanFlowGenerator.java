package org.twostep.training.meanflow;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.twostep.common.data.Torus;
import org.twostep.common.rng.Seeds;
import org.twostep.simulation.parallel.BlockRunner;
import org.twostep.training.config.SamplingEngine;
import org.twostep.training.data.Standardization;
import org.twostep.training.generate.Generator;
import org.twostep.training.generate.Pieces;
import org.twostep.training.nn.HostMeanFlow;

/**
 * MeanFlow sampling (SPEC §2): one step {@code x = eps - u(eps, r = 0, t = 1, sigma)}, or n steps on a uniform
 * schedule {@code z_{t'} = z_t - (t - t')·u(z_t, t', t)} (the multi-step baseline of SPEC §4). Noise comes from
 * {@code Seeds.stream(seed, "meanflow-noise", sigma)} in particle order, drawn one block of {@link Generator#BLOCK}
 * particles per network evaluation, so a cloud drawn in pieces ({@link #pieces}) is the cloud of one call. On a torus the outputs are wrapped into [0, L)^d.
 */
public final class MeanFlowGenerator implements Generator {
  private static final int CHUNK = Generator.BLOCK;
  private final MeanFlowModel model;
  private final int steps;
  private final double noiseScale;
  private final HostMeanFlow host;
  private final BlockRunner hostThreads;

  /** A sampler of {@code steps} network evaluations over {@code model} (which it closes), through PyTorch. */
  public MeanFlowGenerator(MeanFlowModel model, int steps, double noiseScale) {
    this(model, steps, noiseScale, SamplingEngine.TORCH, 1);
  }

  /**
   * A sampler whose network runs on {@code engine}; the vector engine uses {@code threads} threads. The noise and
   * the integration are the same on both engines; the network's outputs agree to float rounding, not bit for bit.
   */
  public MeanFlowGenerator(MeanFlowModel model, int steps, double noiseScale, SamplingEngine engine, int threads) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, found " + steps);
    }
    this.model = model;
    this.steps = steps;
    this.noiseScale = noiseScale;
    boolean onHost = engine == SamplingEngine.VECTOR;
    this.host = onHost ? model.net().host() : null;
    this.hostThreads = onHost ? new BlockRunner(threads) : null;
  }

  @Override
  public int dim() {
    return model.card().architecture().dim();
  }

  @Override
  public boolean inTrainingRange(double sigma) {
    return model.card().inTrainingRange(sigma);
  }

  @Override
  public float[][] generate(double sigma, int n, long seed) {
    return Pieces.all(this, sigma, n, seed);
  }

  @Override
  public Iterator<float[][]> pieces(double sigma, long n, long seed, int piece) {
    int d = dim();
    float[] feat = new float[model.features().count()];
    model.features().write(sigma, feat, 0);
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("meanflow-noise"), Seeds.coordinate(sigma));
    return new Pieces(d, n, piece) {
      @Override
      protected void fill(float[][] out, int c) {
        float[] z = new float[Math.min(c, CHUNK) * d];
        for (int start = 0; start < c; start += CHUNK) {
          int m = Math.min(CHUNK, c - start);
          for (int i = 0; i < m * d; i++) {
            z[i] = (float) (noiseScale * rng.nextGaussian());
          }
          integrate(z, m, feat);
          write(z, m, start, out);
        }
      }
    };
  }

  /** Moves z (c rows of d) from t = 1 to t = 0 in {@code steps} uniform steps. */
  private void integrate(float[] z, int c, float[] feat) {
    for (int s = 0; s < steps; s++) {
      double t = 1.0 - s / (double) steps;
      double tNext = 1.0 - (s + 1) / (double) steps;
      float[] u = host != null ? host.velocity(z, c, feat, t, t - tNext, hostThreads) : velocity(z, c, feat, t, tNext);
      float h = (float) (t - tNext);
      for (int i = 0; i < u.length; i++) {
        z[i] -= h * u[i];
      }
    }
  }

  /** u(z, r = tNext, t) through PyTorch. */
  private float[] velocity(float[] z, int c, float[] feat, double t, double tNext) {
    int d = dim();
    int w = d + feat.length;
    float[] zs = new float[c * w];
    float[] tau = new float[c * 2];
    for (int i = 0; i < c; i++) {
      System.arraycopy(z, i * d, zs, i * w, d);
      System.arraycopy(feat, 0, zs, i * w + d, feat.length);
      tau[2 * i] = (float) t;
      tau[2 * i + 1] = (float) (t - tNext);
    }
    try (NDManager sub = model.manager().newSubManager()) {
      return model.net().forward(sub.create(zs, new Shape(c, w)), sub.create(tau, new Shape(c, 2))).toFloatArray();
    }
  }

  private void write(float[] z, int c, int start, float[][] out) {
    int d = out.length;
    Standardization norm = model.normalization();
    Double torus = model.card().torusLength();
    for (int i = 0; i < c; i++) {
      for (int k = 0; k < d; k++) {
        double x = norm.inverse(z[i * d + k], k);
        out[k][start + i] = torus != null ? Torus.toFloat(x, torus) : (float) x;
      }
    }
  }

  @Override
  public void close() {
    if (hostThreads != null) {
      hostThreads.close();
    }
    model.close();
  }
}
