package org.twostep.simulation.flow;

/**
 * A divergence-free velocity field v(t, x) on R^d or a torus. Evaluated on a block of particles held as
 * structure of arrays (one array per axis), the layout of every particle system here.
 */
public interface VelocityField {

  int dim();

  /** Writes v(t, x_i) into {@code out[k][i]} for every particle i in [from, to). */
  void evaluate(double t, double[][] x, int from, int to, double[][] out);

  /** v(t, point), one point at a time (tests and diagnostics). */
  default double[] at(double t, double... point) {
    double[][] x = new double[dim()][1];
    double[][] out = new double[dim()][1];
    for (int k = 0; k < dim(); k++) {
      x[k][0] = point[k];
    }
    evaluate(t, x, 0, 1, out);
    double[] v = new double[dim()];
    for (int k = 0; k < dim(); k++) {
      v[k] = out[k][0];
    }
    return v;
  }
}
