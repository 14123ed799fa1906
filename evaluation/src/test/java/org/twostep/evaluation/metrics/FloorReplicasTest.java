package org.twostep.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The floor replicas fold into their mean row in their place; other rows and old tables pass unchanged. */
class FloorReplicasTest {
  static MetricRow row(String model, double sigma, int index, double w2sq) {
    return new MetricRow("e", model, "histogram_w2", sigma, index, true, w2sq, Math.sqrt(w2sq), 24, 10, 10, w2sq,
        2 * w2sq, 0.0, 3 * w2sq, 1, "h", "v");
  }

  @Test
  void replicasBecomeOneMeanRowPerSigma() {
    List<MetricRow> rows = List.of(row("noise_floor_b", 20, 0, 0.01), row("noise_floor_c", 20, 0, 0.03),
        row("noise_floor_d", 20, 0, 0.05), row("noise_floor_b", 40, 1, 0.2), row("meanflow", 20, 0, 0.5));
    List<MetricRow> folded = FloorReplicas.fold(rows);
    assertEquals(List.of("noise_floor", "noise_floor", "meanflow"), folded.stream().map(MetricRow::model).toList());
    MetricRow at20 = folded.get(0);
    assertEquals(0.03, at20.w2sq(), 1e-15);
    assertEquals((Math.sqrt(0.01) + Math.sqrt(0.03) + Math.sqrt(0.05)) / 3, at20.w2(), 1e-15);
    assertEquals(0.06, at20.covError(), 1e-15);
    assertEquals(0.09, at20.particleW2sq(), 1e-15, "the particle view is averaged over the replicas too");
    assertEquals(0.2, folded.get(1).w2sq(), 1e-15);
    assertEquals(rows.get(4), folded.get(2));
    Map<Double, FloorReplicas.Spread> spread = FloorReplicas.spread(rows);
    assertEquals(new FloorReplicas.Spread(3, 0.01, 0.03, 0.05), spread.get(20.0));
    assertEquals(1, spread.get(40.0).replicas());
  }

  @Test
  void aTableWrittenBeforeTheReplicasPassesUnchanged() {
    List<MetricRow> old = List.of(row("noise_floor", 20, 0, 0.01), row("meanflow", 20, 0, 0.5));
    assertEquals(old, FloorReplicas.fold(old));
  }
}
