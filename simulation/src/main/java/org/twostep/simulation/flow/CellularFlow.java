package org.twostep.simulation.flow;

/**
 * KPP 2D time-periodic cellular flow on [0, 2 pi)^2 (SPEC §1.2) [rec]:
 * {@code v = (cos y, cos x) + theta cos(2 pi t) (sin y, sin x)}.
 *
 * <p>Evaluated as {@code v = r (cos(y - phi), cos(x - phi))} with {@code a = theta cos(2 pi t)}, {@code r = hypot(1, a)}
 * and {@code phi = atan2(a, 1)}, since cos u + a sin u = r cos(u - phi). It is the same field up to rounding, with one
 * cosine per axis instead of a cosine and a sine. That halves the flow's cost in a Feynman-Kac substep (README,
 * Performance).
 */
public record CellularFlow(double theta) implements VelocityField {

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    double a = theta * Math.cos(2 * Math.PI * t);
    double r = Math.hypot(1.0, a);
    double phi = Math.atan2(a, 1.0);
    for (int i = from; i < to; i++) {
      out[0][i] = r * Math.cos(x[1][i] - phi);
      out[1][i] = r * Math.cos(x[0][i] - phi);
    }
  }
}
