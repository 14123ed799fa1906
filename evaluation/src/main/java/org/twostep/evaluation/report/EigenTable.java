package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.twostep.evaluation.warmstart.EigenRow;

/**
 * The warm-start table: one row per D, the long-run reference, then mu_n of every start at n = 1, 2, 4, ... up to
 * the last generation (SPEC §1.2: the paper prints powers of two).
 */
public final class EigenTable {
  private EigenTable() {}

  /**
   * @param rows the study's rows
   * @param reference the long-run estimate by sigma_index (may lack some)
   */
  public static String markdown(List<EigenRow> rows, Map<Integer, Double> reference) {
    TreeMap<Integer, Double> sigma = new TreeMap<>();
    TreeMap<Integer, Map<String, Map<Integer, Double>>> values = new TreeMap<>();
    TreeSet<String> starts = new TreeSet<>();
    int last = 1;
    for (EigenRow r : rows) {
      sigma.put(r.sigmaIndex(), r.sigma());
      starts.add(r.start());
      last = Math.max(last, r.generation());
      values.computeIfAbsent(r.sigmaIndex(), i -> new TreeMap<>())
          .computeIfAbsent(r.start(), s -> new TreeMap<>()).put(r.generation(), r.muN());
    }
    List<Integer> printed = new ArrayList<>();
    for (int n = 1; n <= last; n *= 2) {
      printed.add(n);
    }
    if (printed.get(printed.size() - 1) != last) {
      printed.add(last);
    }
    StringBuilder sb = new StringBuilder("| D | reference |");
    for (String s : starts) {
      for (int n : printed) {
        sb.append(' ').append(s).append(" n=").append(n).append(" |");
      }
    }
    sb.append("\n|").append("---:|".repeat(2 + starts.size() * printed.size())).append('\n');
    for (Map.Entry<Integer, Double> e : sigma.entrySet()) {
      sb.append("| ").append(String.format(Locale.ROOT, "%.5g", e.getValue())).append(" | ")
          .append(MetricTable.number(reference.get(e.getKey()))).append(" |");
      for (String s : starts) {
        Map<Integer, Double> mu = values.get(e.getKey()).getOrDefault(s, Map.of());
        for (int n : printed) {
          sb.append(' ').append(MetricTable.number(mu.get(n))).append(" |");
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
