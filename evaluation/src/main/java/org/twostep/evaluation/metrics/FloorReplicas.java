package org.twostep.evaluation.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The noise floor over independent replicas: the rows {@code noise_floor_b}, {@code noise_floor_c}, ... of one sigma
 * folded into one {@code noise_floor} row holding their means (w2sq, w2, moment errors), which every table, chart and
 * target reads. A table written before the replicas (a {@code noise_floor} row of reference_b alone) passes unchanged.
 */
public final class FloorReplicas {
  private FloorReplicas() {}

  /** Min, mean and max of the replicas' w2sq at one sigma, and how many there are. */
  public record Spread(int replicas, double min, double mean, double max) {}

  /**
   * The rows with each sigma's replica rows replaced by their mean {@code noise_floor} row (kept in the replicas'
   * place in the order); other rows unchanged.
   */
  public static List<MetricRow> fold(List<MetricRow> rows) {
    Map<String, List<MetricRow>> replicas = byExperimentAndSigma(rows);
    List<MetricRow> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    for (MetricRow r : rows) {
      if (!Models.isFloorReplica(r.model())) {
        out.add(r);
        continue;
      }
      String key = key(r);
      if (done.add(key)) {
        out.add(mean(replicas.get(key)));
      }
    }
    return out;
  }

  /** The spread of the floor replicas by sigma (ascending), over rows of one experiment. */
  public static Map<Double, Spread> spread(List<MetricRow> rows) {
    Map<Double, Spread> out = new TreeMap<>();
    for (List<MetricRow> group : byExperimentAndSigma(rows).values()) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (MetricRow r : group) {
        min = Math.min(min, r.w2sq());
        max = Math.max(max, r.w2sq());
        sum += r.w2sq();
      }
      out.put(group.get(0).sigma(), new Spread(group.size(), min, sum / group.size(), max));
    }
    return out;
  }

  private static Map<String, List<MetricRow>> byExperimentAndSigma(List<MetricRow> rows) {
    Map<String, List<MetricRow>> out = new TreeMap<>();
    for (MetricRow r : rows) {
      if (Models.isFloorReplica(r.model())) {
        out.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static String key(MetricRow r) {
    return r.experiment() + "@" + r.sigmaIndex();
  }

  private static MetricRow mean(List<MetricRow> group) {
    MetricRow first = group.get(0);
    int n = group.size();
    double w2sq = 0;
    double w2 = 0;
    double meanError = 0;
    double covError = 0;
    double outside = 0;
    double particle = 0;
    double seconds = 0;
    for (MetricRow r : group) {
      w2sq += r.w2sq() / n;
      w2 += r.w2() / n;
      meanError += r.meanError() / n;
      covError += r.covError() / n;
      outside += r.outsideMass() / n;
      particle += r.particleW2sq() / n;
      seconds += r.seconds();
    }
    return new MetricRow(first.experiment(), Models.NOISE_FLOOR, first.metric(), first.sigma(), first.sigmaIndex(),
        first.inTrainingRange(), w2sq, w2, first.bins(), first.nReference(), first.nGenerated(), meanError, covError,
        outside, particle, seconds, first.configHash(), first.codeVersion());
  }
}
