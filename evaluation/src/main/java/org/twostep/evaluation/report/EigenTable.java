package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.twostep.evaluation.warmstart.EigenRow;

/**
 * The warm-start tables, one per start: one row per D with the long-run reference, then mu_n at n = 1, 2, 4, ...
 * up to the last generation (SPEC §1.2: the paper prints powers of two).
 */
public final class EigenTable {
  private EigenTable() {}

  /**
   * @param rows the study's rows
   * @param reference the long-run estimate by sigma_index (may lack some)
   * @return a Markdown section per start, in start-name order
   */
  public static String markdown(List<EigenRow> rows, Map<Integer, Double> reference) {
    TreeMap<Integer, Double> sigma = new TreeMap<>();
    TreeMap<String, Map<Integer, Map<Integer, Double>>> values = new TreeMap<>();
    int last = 1;
    for (EigenRow r : rows) {
      sigma.put(r.sigmaIndex(), r.sigma());
      last = Math.max(last, r.generation());
      values.computeIfAbsent(r.start(), s -> new TreeMap<>())
          .computeIfAbsent(r.sigmaIndex(), i -> new TreeMap<>()).put(r.generation(), r.muN());
    }
    List<Integer> printed = new ArrayList<>();
    for (int n = 1; n <= last; n *= 2) {
      printed.add(n);
    }
    if (printed.get(printed.size() - 1) != last) {
      printed.add(last);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Map<Integer, Map<Integer, Double>>> start : values.entrySet()) {
      sb.append("Start ").append(start.getKey()).append(":\n\n| D | reference |");
      for (int n : printed) {
        sb.append(" n=").append(n).append(" |");
      }
      sb.append("\n|").append("---:|".repeat(2 + printed.size())).append('\n');
      for (Map.Entry<Integer, Double> e : sigma.entrySet()) {
        sb.append("| ").append(String.format(Locale.ROOT, "%.5g", e.getValue())).append(" | ")
            .append(MetricTable.number(reference.get(e.getKey()))).append(" |");
        Map<Integer, Double> mu = start.getValue().getOrDefault(e.getKey(), Map.of());
        for (int n : printed) {
          sb.append(' ').append(MetricTable.number(mu.get(n))).append(" |");
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
