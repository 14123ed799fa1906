package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code ablate} command's {@code ablation.csv} ({@code setting,sigma,in_training_range,metric,w2sq,w2,
 * train_seconds,steps,peak_rss_mb[,unconverged_solves]}, the setting quoted) as a Markdown table: sigma down, settings
 * across, then the training time and peak memory of each setting, and its unconverged Sinkhorn solves when the file
 * records them (files written before the column have none).
 */
public final class AblationTable {
  private AblationTable() {}

  /** One line of the CSV; {@code unconverged} is -1 where the file predates the column. */
  public record Row(String setting, double sigma, boolean inTrainingRange, double w2sq, double seconds, double peakMb,
      int unconverged) {}

  /** Parses the CSV text; lines that are not data rows (the header, blanks) are skipped. */
  public static List<Row> parse(String csv) {
    List<Row> rows = new ArrayList<>();
    for (String line : csv.split("\n")) {
      int end = line.indexOf("\",");
      if (!line.startsWith("\"") || end < 0) {
        continue;
      }
      String[] c = line.substring(end + 2).strip().split(",");
      if (c.length < 8) {
        throw new IllegalArgumentException("not an ablation.csv row: " + line);
      }
      rows.add(new Row(line.substring(1, end), Double.parseDouble(c[0]), Boolean.parseBoolean(c[1]),
          Double.parseDouble(c[3]), Double.parseDouble(c[5]), Double.parseDouble(c[7]),
          c.length > 8 ? Integer.parseInt(c[8].strip()) : -1));
    }
    return rows;
  }

  public static String markdown(List<Row> rows) {
    Map<String, Map<Double, Double>> bySetting = new LinkedHashMap<>();
    Map<String, Row> any = new LinkedHashMap<>();
    TreeMap<Double, Boolean> sigma = new TreeMap<>();
    for (Row r : rows) {
      bySetting.computeIfAbsent(r.setting(), s -> new TreeMap<>()).put(r.sigma(), r.w2sq());
      any.putIfAbsent(r.setting(), r);
      sigma.put(r.sigma(), r.inTrainingRange());
    }
    StringBuilder sb = new StringBuilder("| sigma |");
    bySetting.keySet().forEach(s -> sb.append(' ').append(s.isEmpty() ? "base" : s).append(" |"));
    sb.append("\n|").append("---:|".repeat(1 + bySetting.size())).append('\n');
    sigma.forEach((s, in) -> {
      sb.append("| ").append(MetricTable.sigma(s)).append(in ? "" : " *").append(" |");
      bySetting.values().forEach(v -> sb.append(' ').append(MetricTable.number(v.get(s))).append(" |"));
      sb.append('\n');
    });
    sb.append("| train time (s) |");
    any.values().forEach(r -> sb.append(String.format(Locale.ROOT, " %.1f |", r.seconds())));
    sb.append("\n| peak RSS (MB) |");
    any.values().forEach(r -> sb.append(String.format(Locale.ROOT, " %.0f |", r.peakMb())));
    if (any.values().stream().anyMatch(r -> r.unconverged() >= 0)) {
      sb.append("\n| unconverged solves |");
      any.values().forEach(r -> sb.append(r.unconverged() >= 0 ? " " + r.unconverged() + " |" : " - |"));
    }
    return sb.append('\n').toString();
  }
}
