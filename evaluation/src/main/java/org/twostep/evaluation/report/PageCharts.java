package org.twostep.evaluation.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charts of a results page drawn from its aggregated tables alone ({@code w2.csv}, {@code eigenvalues.csv}), so
 * {@code publish} and {@code replot} (a page whose runs are gone) draw the same pictures.
 */
public final class PageCharts {
  /** The W2 chart's file name in a page. */
  public static final String W2 = "w2.png";

  private PageCharts() {}

  /** Writes {@value #W2}: mean W2² over the seeds with error bars of one sample std. */
  public static void w2(String experiment, List<SeedAggregate.W2Mean> rows, double trainMin, double trainMax,
      boolean logSigma, int width, int height, Path dir) {
    int seeds = rows.stream().mapToInt(SeedAggregate.W2Mean::seeds).max().orElse(0);
    String metric = rows.isEmpty() ? "" : rows.get(0).metric();
    String title = String.format(Locale.ROOT, "%s: mean W2² over %d seed(s)%s", experiment, seeds,
        seeds > 1 ? ", bars ± 1 std" : "");
    Png.write(W2Chart.build(title, metric, W2Chart.means(rows), trainMin, trainMax, logSigma, width, height),
        dir.resolve(W2));
  }

  /** Writes one mu_n chart per D, named as the report names them; returns the file names in D order. */
  public static List<String> eigen(String experiment, List<SeedAggregate.EigenMean> rows, int width, int height,
      Path dir) {
    TreeMap<Double, List<SeedAggregate.EigenMean>> byD = new TreeMap<>();
    rows.forEach(r -> byD.computeIfAbsent(r.sigma(), d -> new ArrayList<>()).add(r));
    List<String> names = new ArrayList<>();
    for (Map.Entry<Double, List<SeedAggregate.EigenMean>> e : byD.entrySet()) {
      String name = ReportWriter.EIGEN_PREFIX + MetricTable.sigma(e.getKey()) + ".png";
      int seeds = e.getValue().stream().mapToInt(SeedAggregate.EigenMean::seeds).max().orElse(0);
      Png.write(EigenChart.build(String.format(Locale.ROOT, "%s: mu_n at D = %s, mean over %d seed(s)", experiment,
          MetricTable.sigma(e.getKey()), seeds), EigenChart.means(e.getValue()), e.getValue().get(0).referenceMu(),
          width, height), dir.resolve(name));
      names.add(name);
    }
    return names;
  }
}
