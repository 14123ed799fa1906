package org.twostep.simulation;

import java.util.Arrays;

/**
 * The eigenvalue estimates of a Feynman-Kac run (SPEC §1.2): per generation g, the sum of the substep
 * log-weights l_m over its M substeps (one time period); {@code cumulative(n) = (1/n) sum_{g<=n}}, the
 * estimator mu_n. Generations count from 1. Empty for KS.
 */
public final class EigenTrace {
  private static final EigenTrace EMPTY = new EigenTrace(new double[0]);
  private final double[] perGeneration;

  private EigenTrace(double[] perGeneration) {
    this.perGeneration = perGeneration;
  }

  /** A trace from the per-generation values (copied). */
  public static EigenTrace of(double... perGeneration) {
    return new EigenTrace(perGeneration.clone());
  }

  public static EigenTrace empty() {
    return EMPTY;
  }

  public int generations() {
    return perGeneration.length;
  }

  public boolean isEmpty() {
    return perGeneration.length == 0;
  }

  /** The estimate from generation n alone (1-based). */
  public double perGeneration(int n) {
    check(n);
    return perGeneration[n - 1];
  }

  /** mu_n: the mean of the first n per-generation values (1-based). */
  public double cumulative(int n) {
    check(n);
    double s = 0;
    for (int g = 0; g < n; g++) {
      s += perGeneration[g];
    }
    return s / n;
  }

  /** All per-generation values (a copy). */
  public double[] values() {
    return perGeneration.clone();
  }

  private void check(int n) {
    if (n < 1 || n > perGeneration.length) {
      throw new IndexOutOfBoundsException("generation " + n + " outside [1, " + perGeneration.length + "]");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EigenTrace t && Arrays.equals(t.perGeneration, perGeneration);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(perGeneration);
  }

  @Override
  public String toString() {
    return "EigenTrace" + Arrays.toString(perGeneration);
  }
}
