package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.twostep.evaluation.metrics.MetricRow;

/**
 * W2² of two runs side by side per (experiment, model, sigma), with the ratio B / A (below 1: run B is closer to the
 * reference), and per model the geometric mean of the ratios over the sigma both runs measured.
 */
public final class RunComparison {
  private RunComparison() {}

  /** One (experiment, model, sigma): NaN where a run has no value. */
  public record Row(String experiment, String model, double sigma, boolean inTrainingRange, double a, double b) {
    public double ratio() {
      return a > 0 && Double.isFinite(a) && Double.isFinite(b) ? b / a : Double.NaN;
    }
  }

  /** Per (experiment, model): how many sigma both runs have and the geometric mean of B / A over them. */
  public record Summary(String experiment, String model, int sigmaCount, double geometricMeanRatio) {}

  /** The rows of both runs joined, ordered by experiment, model, sigma. */
  public static List<Row> join(List<MetricRow> a, List<MetricRow> b) {
    TreeMap<String, TreeMap<String, TreeMap<Double, double[]>>> all = new TreeMap<>();
    TreeMap<Double, Boolean> inRange = new TreeMap<>();
    for (int side = 0; side < 2; side++) {
      for (MetricRow r : side == 0 ? a : b) {
        double[] v = all.computeIfAbsent(r.experiment(), e -> new TreeMap<>())
            .computeIfAbsent(r.model(), m -> new TreeMap<>())
            .computeIfAbsent(r.sigma(), s -> new double[] {Double.NaN, Double.NaN});
        v[side] = r.w2sq();
        inRange.put(r.sigma(), r.inTrainingRange());
      }
    }
    List<Row> rows = new ArrayList<>();
    all.forEach((e, byModel) -> byModel.forEach((m, bySigma) -> bySigma.forEach((s, v) ->
        rows.add(new Row(e, m, s, inRange.get(s), v[0], v[1])))));
    return rows;
  }

  public static List<Summary> summary(List<Row> rows) {
    Map<String, List<Row>> groups = new TreeMap<>();
    rows.forEach(r -> groups.computeIfAbsent(r.experiment() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r));
    List<Summary> out = new ArrayList<>();
    for (List<Row> g : groups.values()) {
      double logSum = 0;
      int n = 0;
      for (Row r : g) {
        if (r.ratio() > 0) {
          logSum += Math.log(r.ratio());
          n++;
        }
      }
      out.add(new Summary(g.get(0).experiment(), g.get(0).model(), n, n == 0 ? Double.NaN : Math.exp(logSum / n)));
    }
    return out;
  }

  /** Markdown: one table of every row, then the per-model summary. */
  public static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("| experiment | model | sigma | W2² A | W2² B | B/A |\n|---|---|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s%s | %s | %s | %s |%n", r.experiment(), r.model(),
          MetricTable.sigma(r.sigma()), r.inTrainingRange() ? "" : " *", MetricTable.number(r.a()),
          MetricTable.number(r.b()), Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio())));
    }
    sb.append('\n');
    for (Summary s : summary(rows)) {
      sb.append(String.format(Locale.ROOT, "%s %s: geometric mean B/A %s over %d sigma%n", s.experiment(), s.model(),
          Double.isNaN(s.geometricMeanRatio()) ? "-" : String.format(Locale.ROOT, "%.3f", s.geometricMeanRatio()),
          s.sigmaCount()));
    }
    return sb.toString();
  }
}
