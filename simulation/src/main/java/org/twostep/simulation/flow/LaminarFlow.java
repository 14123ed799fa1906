package org.twostep.simulation.flow;

import java.util.Arrays;
import org.twostep.simulation.config.LaminarProfile;

/**
 * KS laminar shear flow, 3D or 4D (SPEC §1.1): {@code v = (sigma f(x_2, x_3), 0, ...)}, f a profile of the
 * squared distance from the first axis in the 2nd and 3rd coordinates. Mass near the axis travels farthest.
 */
public record LaminarFlow(double sigma, LaminarProfile profile, int dim) implements VelocityField {

  public LaminarFlow {
    if (dim < 3) {
      throw new IllegalArgumentException("the laminar flow needs at least 3 dimensions, found " + dim);
    }
  }

  @Override
  public void evaluate(double t, double[][] x, int from, int to, double[][] out) {
    double[] y = x[1];
    double[] z = x[2];
    for (int i = from; i < to; i++) {
      out[0][i] = sigma * profile.at(y[i] * y[i] + z[i] * z[i]);
    }
    for (int k = 1; k < dim; k++) {
      Arrays.fill(out[k], from, to, 0.0);
    }
  }
}
