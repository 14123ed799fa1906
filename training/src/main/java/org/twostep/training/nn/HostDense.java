package org.twostep.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y = x W^T + b} on the host: each output is b plus the products accumulated in input order by fused
 * multiply-adds, so a row's result depends neither on the tile, nor on the thread count, nor on the vector width.
 * Two rows and up to four vectors of outputs at a time keep the accumulators in registers.
 */
public final class HostDense implements HostLayer {
  private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
  private final float[] weightByInput; // in x padded: the outputs of one input are contiguous, zeros past outputs
  private final float[] bias; // padded likewise
  private final int inputs;
  private final int outputs;
  private final int padded; // outputs rounded up to whole vectors: no masked loads (scalar code on JDK 17)

  /** A layer from PyTorch's layout: {@code weight} out x in, row-major. */
  public HostDense(float[] weight, float[] bias, int inputs) {
    this.outputs = bias.length;
    this.inputs = inputs;
    if (weight.length != outputs * inputs) {
      throw new IllegalArgumentException("weight has " + weight.length + " entries, expected " + outputs + " x " + inputs);
    }
    int vl = LANES.length();
    this.padded = (outputs + vl - 1) / vl * vl;
    this.weightByInput = new float[inputs * padded];
    for (int j = 0; j < outputs; j++) {
      for (int k = 0; k < inputs; k++) {
        weightByInput[k * padded + j] = weight[j * inputs + k];
      }
    }
    this.bias = java.util.Arrays.copyOf(bias, padded);
  }

  @Override
  public void apply(HostTile tile) {
    if (tile.width() != inputs) {
      throw new IllegalArgumentException("dense layer of " + inputs + " inputs given " + tile.width());
    }
    float[] y = tile.buffer(tile.rows() * outputs);
    multiply(tile.values(), tile.rows(), y);
    tile.replace(y, outputs);
  }

  private void multiply(float[] x, int rows, float[] y) {
    int vl = LANES.length();
    int full = outputs - outputs % vl;
    float[] last = new float[2 * vl]; // the partial vector of two rows, copied out
    for (int r = 0; r < rows; r += 2) {
      boolean pair = r + 1 < rows;
      int j = 0;
      for (; j + 4 * vl <= full; j += 4 * vl) {
        fourVectors(x, r, pair, j, y);
      }
      for (; j < full; j += vl) {
        oneVector(x, r, pair, j, y, r * outputs + j, outputs);
      }
      if (j < outputs) {
        oneVector(x, r, pair, j, last, 0, vl);
        System.arraycopy(last, 0, y, r * outputs + j, outputs - j);
        if (pair) {
          System.arraycopy(last, vl, y, (r + 1) * outputs + j, outputs - j);
        }
      }
    }
  }

  private void fourVectors(float[] x, int r, boolean pair, int j, float[] y) {
    int vl = LANES.length();
    FloatVector a0 = FloatVector.fromArray(LANES, bias, j);
    FloatVector a1 = FloatVector.fromArray(LANES, bias, j + vl);
    FloatVector a2 = FloatVector.fromArray(LANES, bias, j + 2 * vl);
    FloatVector a3 = FloatVector.fromArray(LANES, bias, j + 3 * vl);
    FloatVector b0 = a0;
    FloatVector b1 = a1;
    FloatVector b2 = a2;
    FloatVector b3 = a3;
    int xa = r * inputs;
    int xb = pair ? xa + inputs : xa; // an odd last row computes its own values twice
    for (int k = 0; k < inputs; k++) {
      int o = k * padded + j;
      FloatVector w0 = FloatVector.fromArray(LANES, weightByInput, o);
      FloatVector w1 = FloatVector.fromArray(LANES, weightByInput, o + vl);
      FloatVector w2 = FloatVector.fromArray(LANES, weightByInput, o + 2 * vl);
      FloatVector w3 = FloatVector.fromArray(LANES, weightByInput, o + 3 * vl);
      FloatVector p = FloatVector.broadcast(LANES, x[xa + k]);
      FloatVector q = FloatVector.broadcast(LANES, x[xb + k]);
      a0 = w0.fma(p, a0);
      a1 = w1.fma(p, a1);
      a2 = w2.fma(p, a2);
      a3 = w3.fma(p, a3);
      b0 = w0.fma(q, b0);
      b1 = w1.fma(q, b1);
      b2 = w2.fma(q, b2);
      b3 = w3.fma(q, b3);
    }
    int ya = r * outputs + j;
    a0.intoArray(y, ya);
    a1.intoArray(y, ya + vl);
    a2.intoArray(y, ya + 2 * vl);
    a3.intoArray(y, ya + 3 * vl);
    if (pair) {
      int yb = ya + outputs;
      b0.intoArray(y, yb);
      b1.intoArray(y, yb + vl);
      b2.intoArray(y, yb + 2 * vl);
      b3.intoArray(y, yb + 3 * vl);
    }
  }

  /** Outputs j .. j + vl of rows r and r + 1 into out at {@code at} and {@code at + stride}. */
  private void oneVector(float[] x, int r, boolean pair, int j, float[] out, int at, int stride) {
    FloatVector a = FloatVector.fromArray(LANES, bias, j);
    FloatVector b = a;
    int xa = r * inputs;
    int xb = pair ? xa + inputs : xa;
    for (int k = 0; k < inputs; k++) {
      FloatVector w = FloatVector.fromArray(LANES, weightByInput, k * padded + j);
      a = w.fma(FloatVector.broadcast(LANES, x[xa + k]), a);
      b = w.fma(FloatVector.broadcast(LANES, x[xb + k]), b);
    }
    a.intoArray(out, at);
    if (pair) {
      b.intoArray(out, at + stride);
    }
  }
}
