package org.twostep.simulation.ks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The 3D pair sum: weight (r^2 + delta^2)^(-3/2) = 1 / (sqrt(s) s), s = r^2 + delta^2. */
final class Kernel3 {
  private static final VectorSpecies<Float> S = PairKernel.SPECIES;

  private Kernel3() {}

  static void pair(float[] x, float[] y, float[] z, int n, float d2, int p, float[][] out, float[] scratch) {
    int upper = S.loopBound(n);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector px0 = FloatVector.broadcast(S, x[p]);
    FloatVector py0 = FloatVector.broadcast(S, y[p]);
    FloatVector pz0 = FloatVector.broadcast(S, z[p]);
    FloatVector px1 = FloatVector.broadcast(S, x[p + 1]);
    FloatVector py1 = FloatVector.broadcast(S, y[p + 1]);
    FloatVector pz1 = FloatVector.broadcast(S, z[p + 1]);
    FloatVector ax0 = FloatVector.zero(S);
    FloatVector ay0 = ax0;
    FloatVector az0 = ax0;
    FloatVector ax1 = ax0;
    FloatVector ay1 = ax0;
    FloatVector az1 = ax0;
    for (int q = 0; q < upper; q += S.length()) {
      FloatVector qx = FloatVector.fromArray(S, x, q);
      FloatVector qy = FloatVector.fromArray(S, y, q);
      FloatVector qz = FloatVector.fromArray(S, z, q);
      FloatVector dx0 = px0.sub(qx);
      FloatVector dy0 = py0.sub(qy);
      FloatVector dz0 = pz0.sub(qz);
      FloatVector dx1 = px1.sub(qx);
      FloatVector dy1 = py1.sub(qy);
      FloatVector dz1 = pz1.sub(qz);
      FloatVector s0 = dx0.fma(dx0, dy0.fma(dy0, dz0.fma(dz0, vd2)));
      FloatVector s1 = dx1.fma(dx1, dy1.fma(dy1, dz1.fma(dz1, vd2)));
      FloatVector w0 = one.div(s0.lanewise(VectorOperators.SQRT).mul(s0));
      FloatVector w1 = one.div(s1.lanewise(VectorOperators.SQRT).mul(s1));
      ax0 = dx0.fma(w0, ax0);
      ay0 = dy0.fma(w0, ay0);
      az0 = dz0.fma(w0, az0);
      ax1 = dx1.fma(w1, ax1);
      ay1 = dy1.fma(w1, ay1);
      az1 = dz1.fma(w1, az1);
    }
    ax0.intoArray(scratch, 0);
    ay0.intoArray(scratch, S.length());
    az0.intoArray(scratch, 2 * S.length());
    ax1.intoArray(scratch, 3 * S.length());
    ay1.intoArray(scratch, 4 * S.length());
    az1.intoArray(scratch, 5 * S.length());
    finish(x, y, z, n, d2, p, upper, scratch, 0, out);
    finish(x, y, z, n, d2, p + 1, upper, scratch, 3, out);
  }

  static void single(float[] x, float[] y, float[] z, int n, float d2, int p, float[][] out, float[] scratch) {
    int upper = S.loopBound(n);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector px = FloatVector.broadcast(S, x[p]);
    FloatVector py = FloatVector.broadcast(S, y[p]);
    FloatVector pz = FloatVector.broadcast(S, z[p]);
    FloatVector ax = FloatVector.zero(S);
    FloatVector ay = ax;
    FloatVector az = ax;
    for (int q = 0; q < upper; q += S.length()) {
      FloatVector dx = px.sub(FloatVector.fromArray(S, x, q));
      FloatVector dy = py.sub(FloatVector.fromArray(S, y, q));
      FloatVector dz = pz.sub(FloatVector.fromArray(S, z, q));
      FloatVector s = dx.fma(dx, dy.fma(dy, dz.fma(dz, vd2)));
      FloatVector w = one.div(s.lanewise(VectorOperators.SQRT).mul(s));
      ax = dx.fma(w, ax);
      ay = dy.fma(w, ay);
      az = dz.fma(w, az);
    }
    ax.intoArray(scratch, 0);
    ay.intoArray(scratch, S.length());
    az.intoArray(scratch, 2 * S.length());
    finish(x, y, z, n, d2, p, upper, scratch, 0, out);
  }

  /**
   * Sums the stored lanes of target p's accumulators (axis a of slot {@code slot} at (slot + a) * lanes) in lane
   * order, then adds the sources past the last full vector with the same scalar operations.
   */
  private static void finish(float[] x, float[] y, float[] z, int n, float d2, int p, int upper,
      float[] scratch, int slot, float[][] out) {
    int lanes = S.length();
    float sx = PairKernel.lanesInOrder(scratch, slot * lanes, lanes);
    float sy = PairKernel.lanesInOrder(scratch, (slot + 1) * lanes, lanes);
    float sz = PairKernel.lanesInOrder(scratch, (slot + 2) * lanes, lanes);
    for (int q = upper; q < n; q++) {
      float dx = x[p] - x[q];
      float dy = y[p] - y[q];
      float dz = z[p] - z[q];
      float w = PairKernel.invCube(Math.fma(dx, dx, Math.fma(dy, dy, Math.fma(dz, dz, d2))));
      sx = Math.fma(dx, w, sx);
      sy = Math.fma(dy, w, sy);
      sz = Math.fma(dz, w, sz);
    }
    out[0][p] = sx;
    out[1][p] = sy;
    out[2][p] = sz;
  }
}
