package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import org.twostep.evaluation.metrics.MetricRow;

/** Metric rows for report tests: w2sq = base * (1 + sigma / 100) per model. */
final class Rows {
  private Rows() {}

  static MetricRow row(String model, double sigma, int index, double w2sq, double trainMax) {
    return new MetricRow("ks-laminar-3d", model, "histogram_w2", sigma, index, sigma <= trainMax, w2sq,
        Math.sqrt(w2sq), 24, 100, 100, 0.1 * w2sq, 0.2 * w2sq, 0, 2 * w2sq, 0.01, "hash", "test");
  }

  static List<MetricRow> table(double[] sigma, double trainMax, String... models) {
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 0; i < sigma.length; i++) {
      for (int m = 0; m < models.length; m++) {
        rows.add(row(models[m], sigma[i], i, (m + 1) * 0.01 * (1 + sigma[i] / 100), trainMax));
      }
    }
    return rows;
  }
}
