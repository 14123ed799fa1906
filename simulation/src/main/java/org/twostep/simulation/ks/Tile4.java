package org.twostep.simulation.ks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The 4D tile of {@link SymmetricPairSum}: weight {@code 1 / (s s)}, s = r^2 + delta^2 (one correctly rounded
 * division, no square root). Sign convention and arguments as {@link Tile3}.
 */
final class Tile4 {
  private static final VectorSpecies<Float> S = PairKernel.SPECIES;

  private Tile4() {}

  static float weight(float s) {
    return 1f / (s * s);
  }

  static void pair(float[] x, float[] y, float[] z, float[] u, float d2, int p, int from, int to,
      float[] bx, float[] by, float[] bz, float[] bu, int bOff, float[] acc, int slot) {
    int l = S.length();
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector px0 = FloatVector.broadcast(S, x[p]);
    FloatVector py0 = FloatVector.broadcast(S, y[p]);
    FloatVector pz0 = FloatVector.broadcast(S, z[p]);
    FloatVector pu0 = FloatVector.broadcast(S, u[p]);
    FloatVector px1 = FloatVector.broadcast(S, x[p + 1]);
    FloatVector py1 = FloatVector.broadcast(S, y[p + 1]);
    FloatVector pz1 = FloatVector.broadcast(S, z[p + 1]);
    FloatVector pu1 = FloatVector.broadcast(S, u[p + 1]);
    FloatVector ax0 = FloatVector.fromArray(S, acc, slot);
    FloatVector ay0 = FloatVector.fromArray(S, acc, slot + l);
    FloatVector az0 = FloatVector.fromArray(S, acc, slot + 2 * l);
    FloatVector au0 = FloatVector.fromArray(S, acc, slot + 3 * l);
    FloatVector ax1 = FloatVector.fromArray(S, acc, slot + 4 * l);
    FloatVector ay1 = FloatVector.fromArray(S, acc, slot + 5 * l);
    FloatVector az1 = FloatVector.fromArray(S, acc, slot + 6 * l);
    FloatVector au1 = FloatVector.fromArray(S, acc, slot + 7 * l);
    for (int q = from; q < to; q += l) {
      FloatVector qx = FloatVector.fromArray(S, x, q);
      FloatVector qy = FloatVector.fromArray(S, y, q);
      FloatVector qz = FloatVector.fromArray(S, z, q);
      FloatVector qu = FloatVector.fromArray(S, u, q);
      FloatVector ex0 = qx.sub(px0);
      FloatVector ey0 = qy.sub(py0);
      FloatVector ez0 = qz.sub(pz0);
      FloatVector eu0 = qu.sub(pu0);
      FloatVector ex1 = qx.sub(px1);
      FloatVector ey1 = qy.sub(py1);
      FloatVector ez1 = qz.sub(pz1);
      FloatVector eu1 = qu.sub(pu1);
      FloatVector s0 = ex0.fma(ex0, ey0.fma(ey0, ez0.fma(ez0, eu0.fma(eu0, vd2))));
      FloatVector s1 = ex1.fma(ex1, ey1.fma(ey1, ez1.fma(ez1, eu1.fma(eu1, vd2))));
      FloatVector w0 = one.div(s0.mul(s0));
      FloatVector w1 = one.div(s1.mul(s1));
      ax0 = ex0.fma(w0, ax0);
      ay0 = ey0.fma(w0, ay0);
      az0 = ez0.fma(w0, az0);
      au0 = eu0.fma(w0, au0);
      ax1 = ex1.fma(w1, ax1);
      ay1 = ey1.fma(w1, ay1);
      az1 = ez1.fma(w1, az1);
      au1 = eu1.fma(w1, au1);
      int b = q - bOff;
      ex1.fma(w1, ex0.fma(w0, FloatVector.fromArray(S, bx, b))).intoArray(bx, b);
      ey1.fma(w1, ey0.fma(w0, FloatVector.fromArray(S, by, b))).intoArray(by, b);
      ez1.fma(w1, ez0.fma(w0, FloatVector.fromArray(S, bz, b))).intoArray(bz, b);
      eu1.fma(w1, eu0.fma(w0, FloatVector.fromArray(S, bu, b))).intoArray(bu, b);
    }
    ax0.intoArray(acc, slot);
    ay0.intoArray(acc, slot + l);
    az0.intoArray(acc, slot + 2 * l);
    au0.intoArray(acc, slot + 3 * l);
    ax1.intoArray(acc, slot + 4 * l);
    ay1.intoArray(acc, slot + 5 * l);
    az1.intoArray(acc, slot + 6 * l);
    au1.intoArray(acc, slot + 7 * l);
  }

  static void single(float[] x, float[] y, float[] z, float[] u, float d2, int p, int from, int to,
      float[] bx, float[] by, float[] bz, float[] bu, int bOff, float[] acc, int slot) {
    int l = S.length();
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector vd2 = FloatVector.broadcast(S, d2);
    FloatVector px = FloatVector.broadcast(S, x[p]);
    FloatVector py = FloatVector.broadcast(S, y[p]);
    FloatVector pz = FloatVector.broadcast(S, z[p]);
    FloatVector pu = FloatVector.broadcast(S, u[p]);
    FloatVector ax = FloatVector.fromArray(S, acc, slot);
    FloatVector ay = FloatVector.fromArray(S, acc, slot + l);
    FloatVector az = FloatVector.fromArray(S, acc, slot + 2 * l);
    FloatVector au = FloatVector.fromArray(S, acc, slot + 3 * l);
    for (int q = from; q < to; q += l) {
      FloatVector ex = FloatVector.fromArray(S, x, q).sub(px);
      FloatVector ey = FloatVector.fromArray(S, y, q).sub(py);
      FloatVector ez = FloatVector.fromArray(S, z, q).sub(pz);
      FloatVector eu = FloatVector.fromArray(S, u, q).sub(pu);
      FloatVector s = ex.fma(ex, ey.fma(ey, ez.fma(ez, eu.fma(eu, vd2))));
      FloatVector w = one.div(s.mul(s));
      ax = ex.fma(w, ax);
      ay = ey.fma(w, ay);
      az = ez.fma(w, az);
      au = eu.fma(w, au);
      int b = q - bOff;
      ex.fma(w, FloatVector.fromArray(S, bx, b)).intoArray(bx, b);
      ey.fma(w, FloatVector.fromArray(S, by, b)).intoArray(by, b);
      ez.fma(w, FloatVector.fromArray(S, bz, b)).intoArray(bz, b);
      eu.fma(w, FloatVector.fromArray(S, bu, b)).intoArray(bu, b);
    }
    ax.intoArray(acc, slot);
    ay.intoArray(acc, slot + l);
    az.intoArray(acc, slot + 2 * l);
    au.intoArray(acc, slot + 3 * l);
  }
}
