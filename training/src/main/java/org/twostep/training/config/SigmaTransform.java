package org.twostep.training.config;

/**
 * The map from sigma to the model's raw sigma feature (SPEC §2, {@code sigma.transform}): log for KS laminar,
 * identity for Kolmogorov, neglog2 for KPP where sigma = D = 2^-k and the feature is k.
 */
public enum SigmaTransform {
  LOG,
  IDENTITY,
  NEGLOG2;

  public double apply(double sigma) {
    return switch (this) {
      case LOG -> Math.log(sigma);
      case IDENTITY -> sigma;
      case NEGLOG2 -> -Math.log(sigma) / Math.log(2.0);
    };
  }
}
