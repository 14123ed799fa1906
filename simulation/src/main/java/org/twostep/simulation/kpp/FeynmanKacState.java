package org.twostep.simulation.kpp;

/**
 * The mutable particle state of one Feynman-Kac task: positions, the velocity at those positions, weights and
 * the resampling ancestry, double-buffered so resampling is a gather. Owned by one run.
 */
final class FeynmanKacState {
  double[][] positions;
  double[][] velocity;
  private double[][] positionsSpare;
  private double[][] velocitySpare;
  final double[] weights;
  final int[] ancestors;

  FeynmanKacState(double[][] positions) {
    int d = positions.length;
    int n = positions[0].length;
    this.positions = positions;
    this.velocity = new double[d][n];
    this.positionsSpare = new double[d][n];
    this.velocitySpare = new double[d][n];
    this.weights = new double[n];
    this.ancestors = new int[n];
  }

  int size() {
    return weights.length;
  }

  /** Replaces particle i by a copy of particle ancestors[i], positions and velocities together. */
  void resample() {
    for (int k = 0; k < positions.length; k++) {
      double[] x = positions[k];
      double[] v = velocity[k];
      double[] nx = positionsSpare[k];
      double[] nv = velocitySpare[k];
      for (int i = 0; i < ancestors.length; i++) {
        nx[i] = x[ancestors[i]];
        nv[i] = v[ancestors[i]];
      }
    }
    double[][] swap = positions;
    positions = positionsSpare;
    positionsSpare = swap;
    swap = velocity;
    velocity = velocitySpare;
    velocitySpare = swap;
  }
}
