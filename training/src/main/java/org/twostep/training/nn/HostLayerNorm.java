package org.twostep.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LayerNorm} on the host: per row {@code g·(x - mean)/sqrt(var + eps) + b} (biased variance, as torch), into a
 * new buffer so a residual's pinned input stays intact.
 */
final class HostLayerNorm implements HostLayer {
  private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
  private final float[] gain;
  private final float[] shift;
  private final float eps;

  HostLayerNorm(float[] gain, float[] shift, float eps) {
    this.gain = gain.clone();
    this.shift = shift.clone();
    this.eps = eps;
  }

  @Override
  public void apply(HostTile tile) {
    int w = tile.width();
    if (w != gain.length) {
      throw new IllegalArgumentException("layer norm of width " + gain.length + " given " + w);
    }
    float[] x = tile.values();
    float[] y = tile.buffer(tile.rows() * w);
    int vl = LANES.length();
    int full = w - w % vl; // whole vectors, then scalar code: masked loads are scalar code on JDK 17
    for (int r = 0; r < tile.rows(); r++) {
      int o = r * w;
      FloatVector sum = FloatVector.zero(LANES);
      for (int j = 0; j < full; j += vl) {
        sum = sum.add(FloatVector.fromArray(LANES, x, o + j));
      }
      float total = sum.reduceLanes(VectorOperators.ADD);
      for (int j = full; j < w; j++) {
        total += x[o + j];
      }
      float mean = total / w;
      FloatVector squares = FloatVector.zero(LANES);
      for (int j = 0; j < full; j += vl) {
        FloatVector c = FloatVector.fromArray(LANES, x, o + j).sub(mean);
        squares = c.fma(c, squares);
      }
      float sumSquares = squares.reduceLanes(VectorOperators.ADD);
      for (int j = full; j < w; j++) {
        sumSquares += (x[o + j] - mean) * (x[o + j] - mean);
      }
      float inverse = (float) (1.0 / Math.sqrt(sumSquares / w + eps));
      for (int j = 0; j < full; j += vl) {
        FloatVector c = FloatVector.fromArray(LANES, x, o + j).sub(mean).mul(inverse);
        c.fma(FloatVector.fromArray(LANES, gain, j), FloatVector.fromArray(LANES, shift, j)).intoArray(y, o + j);
      }
      for (int j = full; j < w; j++) {
        y[o + j] = (x[o + j] - mean) * inverse * gain[j] + shift[j];
      }
    }
    tile.replace(y, w);
  }
}
