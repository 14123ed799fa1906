package org.twostep.training.frame;

/**
 * {@code frame.kind}: {@code none} (the models see the globally standardized cloud, SPEC §2), {@code trend} (each
 * sigma's cloud is moved to its fitted mean and per-axis scale, {@link SigmaTrend}) or {@code covariance} (each
 * training group is whitened by its own mean and full covariance, interpolated between groups,
 * {@link CovarianceFrame}); samples are moved back after.
 */
public enum TrendKind {
  NONE,
  TREND,
  COVARIANCE
}
