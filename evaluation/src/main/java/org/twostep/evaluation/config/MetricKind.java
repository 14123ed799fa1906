package org.twostep.evaluation.config;

import org.twostep.common.error.InvalidConfigException;

/** The distances of SPEC §6 between a generated and a reference cloud. */
public enum MetricKind {
  /** W2 between histograms on a regular grid over the reference's padded bounding box (KS 3D). */
  HISTOGRAM("histogram_w2"),
  /** W2 between histograms on the torus with the periodic ground cost (KPP 2D). */
  TORUS("torus_w2"),
  /** Mean torus W2 of the x-y, x-z, y-z projections (KPP 3D). */
  PROJECTED("projected_w2"),
  /** Exact EMD between random subsamples of the point clouds (KS 4D). */
  SUBSAMPLE("subsample_emd"),
  /** Sliced W2: mean exact 1D W2 of the full clouds' projections on random directions (no subsample, no bins). */
  SLICED("sliced_w2");

  private final String label;

  MetricKind(String label) {
    this.label = label;
  }

  /** The value of the {@code metric} column of {@code metrics/}. */
  public String label() {
    return label;
  }

  /** Reads {@code evaluate.metric}: a kind by its config name, or {@code auto} for the experiment's own. */
  public static MetricKind of(String key, String system, int dim) {
    return switch (key) {
      case "auto" -> auto(system, dim);
      case "histogram" -> HISTOGRAM;
      case "torus" -> TORUS;
      case "projected" -> PROJECTED;
      case "subsample" -> SUBSAMPLE;
      case "sliced" -> SLICED;
      default -> throw new InvalidConfigException("evaluate.metric", key,
          "one of auto, histogram, torus, projected, subsample, sliced");
    };
  }

  /** The paper's choice: histogram (KS 3D), subsample (KS 4D), torus (KPP 2D), projected (KPP 3D). */
  public static MetricKind auto(String system, int dim) {
    if (system.equals("kpp")) {
      return dim == 2 ? TORUS : PROJECTED;
    }
    return dim >= 4 ? SUBSAMPLE : HISTOGRAM;
  }

  /** Whether this metric measures on the periodic domain (only KPP clouds live there). */
  public boolean periodic() {
    return this == TORUS || this == PROJECTED;
  }
}
