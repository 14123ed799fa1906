package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Sinusoidal embedding of several scalar inputs (t and t - r, SPEC §2): for each input and frequency f,
 * {@code sin(f·x)} and {@code cos(f·x)}. Written as {@code sin(x F^T + phase)} with phase pi/2 on the cosine rows,
 * so the whole embedding is one fused linear and one sine; its tangent is {@code cos(arg)·(dx F^T)}.
 */
public final class TimeEmbedding implements DualLayer {
  private final NDArray freqMatrix;
  private final NDArray phase;
  private final int width;

  /** An embedding of {@code inputs} columns with the given frequencies (constants, never trained). */
  public TimeEmbedding(NDManager manager, DataType dtype, double[] frequencies, int inputs) {
    int k = frequencies.length;
    this.width = 2 * k * inputs;
    double[] f = new double[width * inputs];
    double[] p = new double[width];
    for (int in = 0; in < inputs; in++) {
      for (int j = 0; j < k; j++) {
        int sinRow = in * 2 * k + j;
        int cosRow = sinRow + k;
        f[sinRow * inputs + in] = frequencies[j];
        f[cosRow * inputs + in] = frequencies[j];
        p[cosRow] = Math.PI / 2;
      }
    }
    this.freqMatrix = Tensors.create(manager, f, new Shape(width, inputs), dtype);
    this.phase = Tensors.create(manager, p, new Shape(width), dtype);
  }

  /** Frequencies geometric in [min, max] (SPEC §2: 16 in [1, 16]). */
  public static double[] geometric(int count, double min, double max) {
    double[] f = new double[count];
    for (int j = 0; j < count; j++) {
      f[j] = count == 1 ? min : min * Math.pow(max / min, j / (double) (count - 1));
    }
    return f;
  }

  /** Output width: 2 x frequencies x inputs. */
  public int width() {
    return width;
  }

  @Override
  public NDArray forward(NDArray x) {
    return argument(x).sin();
  }

  @Override
  public Dual forwardTangent(Dual x) {
    NDArray arg = argument(x.primal());
    NDArray dx = x.tangent();
    NDArray darg = dx.getNDArrayInternal().linear(dx, freqMatrix, null).singletonOrThrow();
    return new Dual(arg.sin(), x.tangentRows(arg).cos().muli(darg));
  }

  private NDArray argument(NDArray x) {
    return x.getNDArrayInternal().linear(x, freqMatrix, phase).singletonOrThrow();
  }

  @Override
  public HostLayer host() {
    HostDense argument = new HostDense(freqMatrix.toFloatArray(), phase.toFloatArray(),
        (int) freqMatrix.getShape().get(1));
    return tile -> {
      argument.apply(tile);
      float[] v = tile.values();
      for (int i = 0; i < tile.rows() * tile.width(); i++) {
        v[i] = (float) Math.sin(v[i]);
      }
    };
  }

  @Override
  public List<NDArray> parameters() {
    return List.of();
  }
}
