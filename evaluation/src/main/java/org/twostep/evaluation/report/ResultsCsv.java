package org.twostep.evaluation.report;

import java.util.List;
import org.twostep.evaluation.metrics.MetricRow;

/** The CSV files of a results page: W2 per seed, W2 aggregated, warm-start mu_n aggregated, stage timings. */
public final class ResultsCsv {
  private ResultsCsv() {}

  /** One row per (run, sigma, model). */
  public static String w2BySeed(List<SeedAggregate.Run> runs) {
    StringBuilder sb = new StringBuilder(
        "experiment,seed,sigma_index,sigma,in_training_range,model,metric,w2sq,w2,mean_error,cov_error,outside_mass,"
            + "particle_w2sq\n");
    for (SeedAggregate.Run run : runs) {
      List<MetricRow> rows = run.metrics().stream()
          .sorted(java.util.Comparator.comparingDouble(MetricRow::sigma).thenComparing(MetricRow::model)).toList();
      for (MetricRow r : rows) {
        line(sb, r.experiment(), run.seed(), r.sigmaIndex(), num(r.sigma()), r.inTrainingRange(), r.model(), r.metric(),
            num(r.w2sq()), num(r.w2()), num(r.meanError()), num(r.covError()), num(r.outsideMass()),
            num(r.particleW2sq()));
      }
    }
    return sb.toString();
  }

  /** One row per (sigma, model): mean and sample std over the seeds (std empty with one seed). */
  public static String w2(List<SeedAggregate.W2Mean> rows) {
    StringBuilder sb = new StringBuilder(
        "experiment,sigma_index,sigma,in_training_range,model,metric,seeds,w2sq,w2sq_std,w2,w2_std,particle_w2sq,"
            + "particle_w2sq_std\n");
    for (SeedAggregate.W2Mean r : rows) {
      line(sb, r.experiment(), r.sigmaIndex(), num(r.sigma()), r.inTrainingRange(), r.model(), r.metric(), r.seeds(),
          num(r.w2sq()), num(r.w2sqStd()), num(r.w2()), num(r.w2Std()), num(r.particleW2sq()),
          num(r.particleW2sqStd()));
    }
    return sb.toString();
  }

  /** One row per (sigma, start, generation). */
  public static String eigenvalues(List<SeedAggregate.EigenMean> rows) {
    StringBuilder sb = new StringBuilder(
        "experiment,sigma_index,sigma,start,generation,seeds,mu_n,mu_n_std,reference_mu,rel_error\n");
    for (SeedAggregate.EigenMean r : rows) {
      line(sb, r.experiment(), r.sigmaIndex(), num(r.sigma()), r.start(), r.generation(), r.seeds(), num(r.muN()),
          num(r.muNStd()), num(r.referenceMu()), num(r.relError()));
    }
    return sb.toString();
  }

  /** One row per (run, stage). */
  public static String timings(List<StageTiming> rows) {
    StringBuilder sb = new StringBuilder("run,seed,stage,seconds\n");
    for (StageTiming t : rows) {
      line(sb, quote(t.run()), t.seed(), quote(t.stage()), num(t.seconds()));
    }
    return sb.toString();
  }

  /** A number as Java prints it (lossless); empty for NaN. */
  static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static void line(StringBuilder sb, Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : ",").append(cells[i]);
    }
    sb.append('\n');
  }

  /** The rows of a page's {@code w2.csv} (as {@link #w2} writes it; pages without the particle view read NaN). */
  public static List<SeedAggregate.W2Mean> readW2(String csv) {
    List<SeedAggregate.W2Mean> rows = new java.util.ArrayList<>();
    Header h = Header.of(csv, "experiment", "sigma_index", "sigma", "in_training_range", "model", "metric", "seeds",
        "w2sq", "w2sq_std", "w2", "w2_std");
    int particle = h.names().indexOf("particle_w2sq");
    int particleStd = h.names().indexOf("particle_w2sq_std");
    for (String[] f : h.rows()) {
      rows.add(new SeedAggregate.W2Mean(f[h.at(0)], Integer.parseInt(f[h.at(1)]), parse(f[h.at(2)]),
          Boolean.parseBoolean(f[h.at(3)]), f[h.at(4)], f[h.at(5)], Integer.parseInt(f[h.at(6)]), parse(f[h.at(7)]),
          parse(f[h.at(8)]), parse(f[h.at(9)]), parse(f[h.at(10)]), particle < 0 ? Double.NaN : parse(f[particle]),
          particleStd < 0 ? Double.NaN : parse(f[particleStd])));
    }
    return rows;
  }

  /** The rows of a page's {@code eigenvalues.csv} (as {@link #eigenvalues} writes it). */
  public static List<SeedAggregate.EigenMean> readEigenvalues(String csv) {
    List<SeedAggregate.EigenMean> rows = new java.util.ArrayList<>();
    Header h = Header.of(csv, "experiment", "sigma_index", "sigma", "start", "generation", "seeds", "mu_n", "mu_n_std",
        "reference_mu", "rel_error");
    for (String[] f : h.rows()) {
      rows.add(new SeedAggregate.EigenMean(f[h.at(0)], Integer.parseInt(f[h.at(1)]), parse(f[h.at(2)]), f[h.at(3)],
          Integer.parseInt(f[h.at(4)]), Integer.parseInt(f[h.at(5)]), parse(f[h.at(6)]), parse(f[h.at(7)]),
          parse(f[h.at(8)]), parse(f[h.at(9)])));
    }
    return rows;
  }

  /** An empty cell is NaN, as {@link #num} writes it. */
  private static double parse(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }

  /** A CSV without quoted cells: the position of each wanted column, by name, and the data rows. */
  private record Header(int[] positions, List<String> names, List<String[]> rows) {
    static Header of(String csv, String... wanted) {
      List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("is empty, expected a header line");
      }
      List<String> names = List.of(lines.get(0).split(",", -1));
      int[] at = new int[wanted.length];
      for (int i = 0; i < wanted.length; i++) {
        at[i] = names.indexOf(wanted[i]);
        if (at[i] < 0) {
          throw new IllegalArgumentException("has no column " + wanted[i] + " (header: " + lines.get(0) + ")");
        }
      }
      List<String[]> rows = new java.util.ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        if (f.length != names.size()) {
          throw new IllegalArgumentException("has a row of " + f.length + " cells, expected " + names.size() + ": "
              + line);
        }
        rows.add(f);
      }
      return new Header(at, names, rows);
    }

    int at(int i) {
      return positions[i];
    }
  }
}
