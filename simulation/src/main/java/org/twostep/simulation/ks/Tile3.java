package org.twostep.simulation.ks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 3D tile of {@link SymmetricPairSum}: weight {@code s^(-3/2) = 1 / (sqrt(s) s)}, s = r^2 + delta^2, correctly
 * rounded sqrt and division as {@link PairKernel}. (An rsqrt bit-estimate with two Newton steps was measured slower
 * on this AVX-512 machine, 7.2e9 against 9.8e9 pairs per CPU-second: it costs eleven multiply-add-pipe operations per
 * vector, while sqrt and division run on their own unit beside the multiply-adds.) Sums carry e = x_q - x_p: a source
 * gains e w, a target -e w (the caller negates its sum, which is exact).
 */
final class Tile3 {
  private static final VectorSpecies<Float> S = PairKernel.SPECIES;

  private Tile3() {}

  /** s^(-3/2) with exactly the vector path's operations, for the scalar tails. */
  static float weight(float s) {
    return PairKernel.invCube(s);
  }

  private static FloatVector weight(FloatVector s, FloatVector one) {
    return one.div(s.lanewise(VectorOperators.SQRT).mul(s));
  }

  /**
   * Targets p and p + 1 against sources [from, to) ({@code to - from} a multiple of the lane count): the targets'
   * vector sums continue from {@code acc[slot..slot+6 lanes)} (x, y, z of p, then of p + 1), each source q gains
   * into {@code b?[q - bOff]}.
   */
  static void pair(float[] x, float[] y, float[] z, float d2, int p, int from, int to,
      float[] bx, float[] by, float[] bz, int bOff, float[] acc, int slot) {
    int l = S.length();
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector px0 = FloatVector.broadcast(S, x[p]);
    FloatVector py0 = FloatVector.broadcast(S, y[p]);
    FloatVector pz0 = FloatVector.broadcast(S, z[p]);
    FloatVector px1 = FloatVector.broadcast(S, x[p + 1]);
    FloatVector py1 = FloatVector.broadcast(S, y[p + 1]);
    FloatVector pz1 = FloatVector.broadcast(S, z[p + 1]);
    FloatVector ax0 = FloatVector.fromArray(S, acc, slot);
    FloatVector ay0 = FloatVector.fromArray(S, acc, slot + l);
    FloatVector az0 = FloatVector.fromArray(S, acc, slot + 2 * l);
    FloatVector ax1 = FloatVector.fromArray(S, acc, slot + 3 * l);
    FloatVector ay1 = FloatVector.fromArray(S, acc, slot + 4 * l);
    FloatVector az1 = FloatVector.fromArray(S, acc, slot + 5 * l);
    for (int q = from; q < to; q += l) {
      FloatVector qx = FloatVector.fromArray(S, x, q);
      FloatVector qy = FloatVector.fromArray(S, y, q);
      FloatVector qz = FloatVector.fromArray(S, z, q);
      FloatVector ex0 = qx.sub(px0);
      FloatVector ey0 = qy.sub(py0);
      FloatVector ez0 = qz.sub(pz0);
      FloatVector ex1 = qx.sub(px1);
      FloatVector ey1 = qy.sub(py1);
      FloatVector ez1 = qz.sub(pz1);
      FloatVector w0 = weight(ex0.fma(ex0, ey0.fma(ey0, ez0.fma(ez0, vd2))), one);
      FloatVector w1 = weight(ex1.fma(ex1, ey1.fma(ey1, ez1.fma(ez1, vd2))), one);
      ax0 = ex0.fma(w0, ax0);
      ay0 = ey0.fma(w0, ay0);
      az0 = ez0.fma(w0, az0);
      ax1 = ex1.fma(w1, ax1);
      ay1 = ey1.fma(w1, ay1);
      az1 = ez1.fma(w1, az1);
      int b = q - bOff;
      ex1.fma(w1, ex0.fma(w0, FloatVector.fromArray(S, bx, b))).intoArray(bx, b);
      ey1.fma(w1, ey0.fma(w0, FloatVector.fromArray(S, by, b))).intoArray(by, b);
      ez1.fma(w1, ez0.fma(w0, FloatVector.fromArray(S, bz, b))).intoArray(bz, b);
    }
    ax0.intoArray(acc, slot);
    ay0.intoArray(acc, slot + l);
    az0.intoArray(acc, slot + 2 * l);
    ax1.intoArray(acc, slot + 3 * l);
    ay1.intoArray(acc, slot + 4 * l);
    az1.intoArray(acc, slot + 5 * l);
  }

  /** As {@link #pair} for target p alone ({@code acc[slot..slot+3 lanes)}). */
  static void single(float[] x, float[] y, float[] z, float d2, int p, int from, int to,
      float[] bx, float[] by, float[] bz, int bOff, float[] acc, int slot) {
    int l = S.length();
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector px = FloatVector.broadcast(S, x[p]);
    FloatVector py = FloatVector.broadcast(S, y[p]);
    FloatVector pz = FloatVector.broadcast(S, z[p]);
    FloatVector ax = FloatVector.fromArray(S, acc, slot);
    FloatVector ay = FloatVector.fromArray(S, acc, slot + l);
    FloatVector az = FloatVector.fromArray(S, acc, slot + 2 * l);
    for (int q = from; q < to; q += l) {
      FloatVector ex = FloatVector.fromArray(S, x, q).sub(px);
      FloatVector ey = FloatVector.fromArray(S, y, q).sub(py);
      FloatVector ez = FloatVector.fromArray(S, z, q).sub(pz);
      FloatVector w = weight(ex.fma(ex, ey.fma(ey, ez.fma(ez, vd2))), one);
      ax = ex.fma(w, ax);
      ay = ey.fma(w, ay);
      az = ez.fma(w, az);
      int b = q - bOff;
      ex.fma(w, FloatVector.fromArray(S, bx, b)).intoArray(bx, b);
      ey.fma(w, FloatVector.fromArray(S, by, b)).intoArray(by, b);
      ez.fma(w, FloatVector.fromArray(S, bz, b)).intoArray(bz, b);
    }
    ax.intoArray(acc, slot);
    ay.intoArray(acc, slot + l);
    az.intoArray(acc, slot + 2 * l);
  }
}
