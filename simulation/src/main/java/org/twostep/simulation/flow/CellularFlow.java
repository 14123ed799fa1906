package org.twostep.simulation.flow;

/**
 * KPP 2D time-periodic cellular flow on [0, 2 pi)^2 (SPEC §1.2) [rec]:
 * {@code v = (cos y, cos x) + theta cos(2 pi t) (sin y, sin x)}.
 */
public record CellularFlow(double theta) implements VelocityField {

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    double a = theta * Math.cos(2 * Math.PI * t);
    for (int i = from; i < to; i++) {
      double px = x[0][i];
      double py = x[1][i];
      out[0][i] = Math.cos(py) + a * Math.sin(py);
      out[1][i] = Math.cos(px) + a * Math.sin(px);
    }
  }
}
