package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.Models;

/**
 * The report's W2 table: one row per sigma, one column per model ({@code w2sq}), the noise floor, and the ratio
 * MeanFlow + DP over MeanFlow (below 1 where the corrector helps). Extrapolation sigma are marked.
 */
public final class MetricTable {
  private MetricTable() {}

  /** A Markdown table of a quantity of the rows (w2sq, or a moment error). */
  public static String markdown(List<MetricRow> rows, Quantity quantity) {
    TreeMap<Double, Map<String, Double>> bySigma = new TreeMap<>();
    TreeMap<Double, Boolean> inRange = new TreeMap<>();
    TreeSet<String> models = new TreeSet<>();
    for (MetricRow r : rows) {
      bySigma.computeIfAbsent(r.sigma(), s -> new TreeMap<>()).put(r.model(), quantity.of(r));
      inRange.put(r.sigma(), r.inTrainingRange());
      if (!r.model().equals(Models.NOISE_FLOOR)) {
        models.add(r.model());
      }
    }
    boolean floor = rows.stream().anyMatch(r -> r.model().equals(Models.NOISE_FLOOR));
    boolean ratio = quantity == Quantity.W2SQ && models.contains(Models.MEANFLOW) && models.contains(Models.MEANFLOW_DP);
    List<String> head = new ArrayList<>(List.of("sigma"));
    head.addAll(models);
    if (floor) {
      head.add(Models.NOISE_FLOOR);
    }
    if (ratio) {
      head.add("DP/MF");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", head)).append(" |\n");
    sb.append("|").append("---:|".repeat(head.size())).append('\n');
    for (Map.Entry<Double, Map<String, Double>> e : bySigma.entrySet()) {
      Map<String, Double> v = e.getValue();
      sb.append("| ").append(sigma(e.getKey())).append(inRange.get(e.getKey()) ? "" : " *");
      for (String m : models) {
        sb.append(" | ").append(number(v.get(m)));
      }
      if (floor) {
        sb.append(" | ").append(number(v.get(Models.NOISE_FLOOR)));
      }
      if (ratio) {
        Double mf = v.get(Models.MEANFLOW);
        Double dp = v.get(Models.MEANFLOW_DP);
        sb.append(" | ").append(mf == null || dp == null || mf == 0 ? "" : String.format(Locale.ROOT, "%.3f", dp / mf));
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }

  /** What a table shows. */
  public enum Quantity {
    W2SQ, MEAN_ERROR, COV_ERROR;

    double of(MetricRow r) {
      return switch (this) {
        case W2SQ -> r.w2sq();
        case MEAN_ERROR -> r.meanError();
        case COV_ERROR -> r.covError();
      };
    }
  }

  public static String sigma(double s) {
    return s >= 1 && s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s) : String.format(Locale.ROOT, "%.5g", s);
  }

  static String number(Double v) {
    if (v == null || Double.isNaN(v)) {
      return "";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
