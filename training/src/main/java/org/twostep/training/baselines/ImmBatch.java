package org.twostep.training.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.twostep.common.rng.Seeds;
import org.twostep.training.data.Standardization;
import org.twostep.training.data.TrainingData;
import org.twostep.training.meanflow.SigmaFeatures;

/**
 * Cuts one IMM batch (SPEC §4): groups of m samples sharing a training sigma and times s < r < t, r = (s + t)/2
 * (a share of groups at the sampler's endpoints (0, 1)); per sample a data point x and noise eps give
 * {@code x_t = (1-t)·x + t·eps} and {@code x_r} on the same path. Step k's stream is
 * {@code Seeds.stream(seed, "imm-step", k)}.
 */
final class ImmBatch {
  private final TrainingData data;
  private final Standardization norm;
  private final ImmConfig config;
  private final float[][] groupFeatures;
  private final long seed;
  private final int dim;
  private final int features;

  ImmBatch(TrainingData data, Standardization norm, SigmaFeatures sigmaFeatures, ImmConfig config, long seed) {
    this.data = data;
    this.norm = norm;
    this.config = config;
    this.seed = seed;
    this.dim = data.dim();
    this.features = sigmaFeatures.count();
    double[] sigmas = data.sigmas();
    this.groupFeatures = new float[sigmas.length][features];
    for (int g = 0; g < sigmas.length; g++) {
      sigmaFeatures.write(sigmas[g], groupFeatures[g], 0);
    }
  }

  /** Step k's arrays on {@code m}. */
  Arrays build(NDManager m, int step) {
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("imm-step"), step);
    int b = config.batchSize();
    int size = config.groupSize();
    int groups = b / size;
    int w = dim + features;
    float[] zt = new float[b * w];
    float[] zr = new float[b * w];
    float[] tauT = new float[b * 2];
    float[] tauR = new float[b * 2];
    float[] stepT = new float[b];
    float[] stepR = new float[b];
    float[] width = new float[groups];
    float[] row = new float[dim];
    for (int g = 0; g < groups; g++) {
      int sg = rng.nextInt(groupFeatures.length);
      double t;
      double s;
      if (rng.nextDouble() < config.endpointFraction()) {
        t = 1;
        s = 0;
      } else {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        t = Math.max(u1, u2);
        s = Math.min(u1, u2);
      }
      double r = 0.5 * (s + t);
      width[g] = (float) (config.kernelScale() * Math.max(t - s, 1e-6) * dim);
      for (int j = 0; j < size; j++) {
        int i = g * size + j;
        data.copyRow(sg, rng.nextInt(data.count(sg)), row, 0);
        for (int k = 0; k < dim; k++) {
          double x = norm.forward(row[k], k);
          double eps = config.noiseScale() * rng.nextGaussian();
          zt[i * w + k] = (float) ((1 - t) * x + t * eps);
          zr[i * w + k] = (float) ((1 - r) * x + r * eps);
        }
        System.arraycopy(groupFeatures[sg], 0, zt, i * w + dim, features);
        System.arraycopy(groupFeatures[sg], 0, zr, i * w + dim, features);
        tauT[2 * i] = (float) t;
        tauT[2 * i + 1] = (float) (t - s);
        tauR[2 * i] = (float) r;
        tauR[2 * i + 1] = (float) (r - s);
        stepT[i] = (float) (s - t);
        stepR[i] = (float) (s - r);
      }
    }
    return new Arrays(m.create(zt, new Shape(b, w)), m.create(zr, new Shape(b, w)), m.create(tauT, new Shape(b, 2)),
        m.create(tauR, new Shape(b, 2)), m.create(stepT, new Shape(b, 1)), m.create(stepR, new Shape(b, 1)),
        m.create(width, new Shape(groups, 1, 1)), groups, size);
  }

  /** One step's inputs: [x_t, features], [x_r, features], times, the steps s - t and s - r, kernel widths. */
  record Arrays(NDArray zt, NDArray zr, NDArray tauT, NDArray tauR, NDArray stepT, NDArray stepR, NDArray width,
      int groups, int size) {}
}
