package org.twostep.simulation.ks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The KS hot loop (SPEC §1.1): for targets p in [from, to),
 * {@code S_p = sum_q (x_p - x_q) / (|x_p - x_q|^2 + delta^2)^(d/2)}, in float32 over structure-of-arrays
 * positions, vectorised over sources with the Vector API and blocked over two targets per sweep (each source
 * load serves both). The self term is exactly zero (x_p - x_p = 0), so no branch excludes it.
 *
 * <p>Determinism: a target's sum is always the same sequence of IEEE operations (sqrt and division are
 * correctly rounded, lanes are reduced in lane order by scalar code, the tail after the last full vector is
 * added last), whichever block or thread computes it. The lane count is the machine's preferred width, so bits
 * are reproducible on machines of the same SIMD width.
 */
public final class PairKernel {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private PairKernel() {}

  /** Lanes per vector on this machine (16 with AVX-512). */
  public static int lanes() {
    return SPECIES.length();
  }

  /** Writes S_p into {@code out[k][p]} for p in [from, to); {@code pos} has 3 or 4 axes of length >= n. */
  public static void sum(float[][] pos, int n, float delta2, int from, int to, float[][] out) {
    float[] scratch = new float[8 * SPECIES.length()]; // two targets x up to 4 axes
    if (pos.length == 3) {
      int p = from;
      for (; p + 1 < to; p += 2) {
        Kernel3.pair(pos[0], pos[1], pos[2], n, delta2, p, out, scratch);
      }
      if (p < to) {
        Kernel3.single(pos[0], pos[1], pos[2], n, delta2, p, out, scratch);
      }
    } else if (pos.length == 4) {
      int p = from;
      for (; p + 1 < to; p += 2) {
        Kernel4.pair(pos[0], pos[1], pos[2], pos[3], n, delta2, p, out, scratch);
      }
      if (p < to) {
        Kernel4.single(pos[0], pos[1], pos[2], pos[3], n, delta2, p, out, scratch);
      }
    } else {
      throw new IllegalArgumentException("the KS kernel supports 3 or 4 dimensions, found " + pos.length);
    }
  }

  /** Sums {@code count} stored lanes in lane order (a fixed order, unlike {@code reduceLanes}, whose order may
   * differ between the interpreter and compiled code). */
  static float lanesInOrder(float[] lanes, int offset, int count) {
    float s = 0f;
    for (int i = offset; i < offset + count; i++) {
      s += lanes[i];
    }
    return s;
  }

  /** (r2)^(-3/2) in float32, the same operations as the vector path. */
  static float invCube(float r2) {
    float r = (float) Math.sqrt(r2);
    return 1f / (r * r2);
  }
}
