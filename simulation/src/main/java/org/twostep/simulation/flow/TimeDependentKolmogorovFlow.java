package org.twostep.simulation.flow;

/**
 * KPP 3D time-dependent Kolmogorov flow on [0, 2 pi)^3 (SPEC §1.2) [rec]:
 * {@code v = (sin(z + s), sin(x + s), sin(y + s))}, {@code s = sin(2 pi t)}.
 */
public record TimeDependentKolmogorovFlow() implements VelocityField {

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    double s = Math.sin(2 * Math.PI * t);
    for (int i = from; i < to; i++) {
      double sx = Math.sin(x[0][i] + s);
      double sy = Math.sin(x[1][i] + s);
      double sz = Math.sin(x[2][i] + s);
      out[0][i] = sz;
      out[1][i] = sx;
      out[2][i] = sy;
    }
  }
}
