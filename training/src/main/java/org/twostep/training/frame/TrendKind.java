package org.twostep.training.frame;

/**
 * {@code frame.kind}: {@code none} (the models see the globally standardized cloud, SPEC §2) or {@code trend} (each
 * sigma's cloud is moved to its fitted mean and scale before training, and samples back after).
 */
public enum TrendKind {
  NONE,
  TREND
}
