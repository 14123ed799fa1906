package org.twostep.training.meanflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.twostep.common.rng.Seeds;
import org.twostep.training.data.Standardization;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.data.TrainingData;

/**
 * Cuts one MeanFlow batch (SPEC §2): each row picks a training sigma and a particle of it, standardizes it, draws
 * noise and a time pair, and forms {@code z_t = (1-t)·x + t·eps} and {@code v = eps - x}. The stream of step k is
 * {@code Seeds.stream(seed, "meanflow-step", k)}, so a resumed run replays exactly the batches it would have seen.
 * Rows go into reused primitive arrays and direct buffers: no per-row objects.
 */
final class BatchBuilder {
  private final TrainingData data;
  private final Standardization norm;
  private final TimeSampler times;
  private final double noiseScale;
  private final long seed;
  private final int batch;
  private final int dim;
  private final int features;
  private final float[][] groupFeatures;
  private final double[] t;
  private final double[] r;
  private final float[] x;
  private final float[] zs;
  private final float[] dzs;
  private final float[] tau;
  private final float[] delta;
  private final float[] v;
  private final ByteBuffer[] buffers = new ByteBuffer[5];

  BatchBuilder(TrainingData data, Standardization norm, SigmaFeatures sigmaFeatures, MeanFlowConfig c, long seed) {
    this.data = data;
    this.norm = norm;
    this.times = new TimeSampler(c.timeMean(), c.timeStd(), c.flowMatchingFraction(),
        Math.round(c.flowMatchingWarmup() * c.steps()));
    this.noiseScale = c.noiseScale();
    this.seed = seed;
    this.batch = c.batchSize();
    this.dim = data.dim();
    this.features = sigmaFeatures.count();
    double[] sigmas = data.sigmas();
    this.groupFeatures = new float[sigmas.length][features];
    for (int g = 0; g < sigmas.length; g++) {
      sigmaFeatures.write(sigmas[g], groupFeatures[g], 0);
    }
    t = new double[batch];
    r = new double[batch];
    x = new float[dim];
    zs = new float[batch * (dim + features)];
    dzs = new float[batch * (dim + features)];
    tau = new float[batch * 2];
    delta = new float[batch];
    v = new float[batch * dim];
    int[] sizes = {zs.length, dzs.length, tau.length, delta.length, v.length};
    for (int i = 0; i < sizes.length; i++) {
      buffers[i] = ByteBuffer.allocateDirect(4 * sizes[i]).order(ByteOrder.nativeOrder());
    }
  }

  /** The arrays of step {@code step}, created on {@code manager} (closed with it). */
  Batch build(NDManager manager, int step) {
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("meanflow-step"), step);
    times.sample(rng, batch, t, r, step);
    int groups = groupFeatures.length;
    int w = dim + features;
    for (int i = 0; i < batch; i++) {
      int g = groups == 1 ? 0 : rng.nextInt(groups);
      data.copyRow(g, rng.nextInt(data.count(g)), x, 0);
      double ti = t[i];
      for (int k = 0; k < dim; k++) {
        double xk = norm.forward(x[k], k);
        double eps = noiseScale * rng.nextGaussian();
        float vk = (float) (eps - xk);
        zs[i * w + k] = (float) ((1 - ti) * xk + ti * eps);
        dzs[i * w + k] = vk;
        v[i * dim + k] = vk;
      }
      System.arraycopy(groupFeatures[g], 0, zs, i * w + dim, features);
      tau[2 * i] = (float) ti;
      tau[2 * i + 1] = (float) (ti - r[i]);
      delta[i] = (float) (ti - r[i]);
    }
    return new Batch(
        upload(manager, 0, zs, new Shape(batch, w)),
        upload(manager, 1, dzs, new Shape(batch, w)),
        upload(manager, 2, tau, new Shape(batch, 2)),
        upload(manager, 3, delta, new Shape(batch, 1)),
        upload(manager, 4, v, new Shape(batch, dim)),
        times.equalRows(batch, step));
  }

  private NDArray upload(NDManager manager, int slot, float[] values, Shape shape) {
    ByteBuffer b = buffers[slot];
    b.clear();
    b.asFloatBuffer().put(values);
    // on CPU the tensor aliases the direct buffer, which is refilled only after this step's arrays are closed
    return manager.create(b, shape, DataType.FLOAT32);
  }

  /**
   * One step's inputs: zs = [z, sigma features], dzs = [v, 0], tau = [t, t - r], delta = t - r, v; the first
   * {@code equalRows} rows have r = t.
   */
  record Batch(NDArray zs, NDArray dzs, NDArray tau, NDArray delta, NDArray v, int equalRows) {

    /** The rows from the first with r < t on (all of {@code a} when there is none with r = t). */
    NDArray movingRows(NDArray a) {
      return equalRows == 0 ? a : a.get(new NDIndex(equalRows + ":"));
    }
  }
}
