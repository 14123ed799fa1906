package org.twostep.simulation.flow;

/** KS steady 3D Kolmogorov flow (SPEC §1.1): {@code v = sigma (sin z, sin x, sin y)}. */
public record KolmogorovFlow(double sigma) implements VelocityField {

  @Override
  public int dim() {
    return 3;
  }

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    for (int i = from; i < to; i++) {
      double sx = Math.sin(x[0][i]);
      double sy = Math.sin(x[1][i]);
      double sz = Math.sin(x[2][i]);
      out[0][i] = sigma * sz;
      out[1][i] = sigma * sx;
      out[2][i] = sigma * sy;
    }
  }
}
