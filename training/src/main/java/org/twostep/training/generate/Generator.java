package org.twostep.training.generate;

/**
 * A trained sampler: {@code generate(sigma, n, seed)} draws n particles at sigma, deterministic given the seed.
 * The result is columnar, {@code [axis][particle]}, as the particle tables store it.
 */
public interface Generator extends AutoCloseable {

  /** Data dimension d. */
  int dim();

  /** Whether sigma lies in the training range; outside it generation still runs and is extrapolation. */
  boolean inTrainingRange(double sigma);

  /** n particles at sigma, as {@code d} columns of length n. */
  float[][] generate(double sigma, int n, long seed);

  @Override
  void close();
}
