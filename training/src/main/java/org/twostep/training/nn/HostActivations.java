package org.twostep.training.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The element-wise activations of the networks on the host, on a tile (see {@link HostLayer}). */
final class HostActivations {
  private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;
  private static final float LAMBDA = (float) Selu.LAMBDA;
  private static final float LAMBDA_ALPHA = (float) (Selu.LAMBDA * Selu.ALPHA);

  private HostActivations() {}

  /** SELU: lambda·x above 0, lambda·alpha·(e^x - 1) below. */
  static void selu(HostTile tile) {
    float[] v = tile.writable();
    int n = tile.rows() * tile.width();
    int i = 0;
    for (; i + LANES.length() <= n; i += LANES.length()) {
      selu(FloatVector.fromArray(LANES, v, i)).intoArray(v, i);
    }
    if (i < n) { // the same lanes, masked, so a tail row gets what a full vector would give it
      VectorMask<Float> m = LANES.indexInRange(i, n);
      selu(FloatVector.fromArray(LANES, v, i, m)).intoArray(v, i, m);
    }
  }

  private static FloatVector selu(FloatVector x) {
    return x.max(0f).mul(LAMBDA).add(exp(x.min(0f)).sub(1f).mul(LAMBDA_ALPHA));
  }

  /** SiLU: x·sigmoid(x) = x / (1 + e^-x). */
  static void silu(HostTile tile) {
    float[] v = tile.writable();
    int n = tile.rows() * tile.width();
    int i = 0;
    for (; i + LANES.length() <= n; i += LANES.length()) {
      silu(FloatVector.fromArray(LANES, v, i)).intoArray(v, i);
    }
    if (i < n) {
      VectorMask<Float> m = LANES.indexInRange(i, n);
      silu(FloatVector.fromArray(LANES, v, i, m)).intoArray(v, i, m);
    }
  }

  private static FloatVector silu(FloatVector x) {
    return x.div(exp(x.neg()).add(1f));
  }

  /** y += x over the first n entries. */
  static void add(float[] x, float[] y, int n) {
    int i = 0;
    for (; i + LANES.length() <= n; i += LANES.length()) {
      FloatVector.fromArray(LANES, y, i).add(FloatVector.fromArray(LANES, x, i)).intoArray(y, i);
    }
    for (; i < n; i++) {
      y[i] += x[i];
    }
  }

  /**
   * e^x to about one float ulp (Cephes' expf: x = n·ln2 + r with |r| <= ln2/2, a degree-6 polynomial in r, 2^n from
   * the exponent bits). Twice as fast as the JDK 17 Vector API's EXP here, and its EXPM1 is slower still. Inputs are
   * clamped to [-87, 88], so results stay normal and finite (e^-87 ~ 1.6e-38, e^88 ~ 1.7e38).
   */
  static FloatVector exp(FloatVector x) {
    FloatVector c = x.max(-87f).min(88f);
    // n = round(c·log2 e): adding 1.5·2^23 rounds to the nearest integer in float arithmetic
    FloatVector n = c.mul(1.44269504088896341f).add(12582912f).sub(12582912f);
    FloatVector r = n.fma(constant(-0.693359375f), c).add(n.mul(2.12194440e-4f));
    FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f).fma(r, constant(8.3334519073e-3f))
        .fma(r, constant(4.1665795894e-2f)).fma(r, constant(1.6666665459e-1f)).fma(r, constant(5.0000001201e-1f));
    FloatVector e = p.mul(r.mul(r)).add(r).add(1f);
    // 2^n: n + 127 sits in the low mantissa bits of n + 1.5·2^23 + 127 (a float conversion op would be scalar code)
    IntVector bits = n.add(12583039f).reinterpretAsInts().lanewise(VectorOperators.LSHL, 23);
    return e.mul(bits.reinterpretAsFloats());
  }

  private static FloatVector constant(float value) {
    return FloatVector.broadcast(LANES, value);
  }
}
