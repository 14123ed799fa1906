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
  /** Weights carried since the last resampling, mean 1 (all 1 right after one). */
  final double[] carried;
  final int[] ancestors;

  FeynmanKacState(double[][] positions) {
    int d = positions.length;
    int n = positions[0].length;
    this.positions = positions;
    this.velocity = new double[d][n];
    this.positionsSpare = new double[d][n];
    this.velocitySpare = new double[d][n];
    this.weights = new double[n];
    this.carried = new double[n];
    java.util.Arrays.fill(carried, 1.0);
    this.ancestors = new int[n];
  }

  int size() {
    return weights.length;
  }

  /** Copies particle ancestors[i] into slot i of the spare buffers, for i in [from, to); blocks may run in parallel. */
  void gather(int from, int to) {
    for (int k = 0; k < positions.length; k++) {
      double[] x = positions[k];
      double[] v = velocity[k];
      double[] nx = positionsSpare[k];
      double[] nv = velocitySpare[k];
      for (int i = from; i < to; i++) {
        nx[i] = x[ancestors[i]];
        nv[i] = v[ancestors[i]];
      }
    }
  }

  /** Keeps this substep's weights (carried times incremental) for the next one, rescaled to mean 1. */
  void carryWeights() {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double scale = weights.length / sum;
    for (int i = 0; i < weights.length; i++) {
      carried[i] = weights[i] * scale;
    }
  }

  /** After a resampling every particle starts with weight 1 again. */
  void resetCarried() {
    java.util.Arrays.fill(carried, 1.0);
  }

  /** Makes the gathered particles current: every particle i is now a copy of its ancestor. */
  void swap() {
    double[][] swap = positions;
    positions = positionsSpare;
    positionsSpare = swap;
    swap = velocity;
    velocity = velocitySpare;
    velocitySpare = swap;
  }
}
