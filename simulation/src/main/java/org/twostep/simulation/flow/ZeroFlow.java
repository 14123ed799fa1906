package org.twostep.simulation.flow;

import java.util.Arrays;

/** v = 0: the analytic limits of both systems (pure diffusion, and the KPP eigenvalue mu = D lambda^2). */
public record ZeroFlow(int dim) implements VelocityField {

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    for (int k = 0; k < dim; k++) {
      Arrays.fill(out[k], from, to, 0.0);
    }
  }
}
