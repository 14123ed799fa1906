package org.twostep.evaluation.report;

import java.util.List;
import org.twostep.evaluation.metrics.MetricRow;

/** The CSV files of a results page: W2 per seed, W2 aggregated, warm-start mu_n aggregated, stage timings. */
public final class ResultsCsv {
  private ResultsCsv() {}

  /** One row per (run, sigma, model). */
  public static String w2BySeed(List<SeedAggregate.Run> runs) {
    StringBuilder sb = new StringBuilder(
        "experiment,seed,sigma_index,sigma,in_training_range,model,metric,w2sq,w2,mean_error,cov_error,outside_mass\n");
    for (SeedAggregate.Run run : runs) {
      List<MetricRow> rows = run.metrics().stream()
          .sorted(java.util.Comparator.comparingDouble(MetricRow::sigma).thenComparing(MetricRow::model)).toList();
      for (MetricRow r : rows) {
        line(sb, r.experiment(), run.seed(), r.sigmaIndex(), num(r.sigma()), r.inTrainingRange(), r.model(), r.metric(),
            num(r.w2sq()), num(r.w2()), num(r.meanError()), num(r.covError()), num(r.outsideMass()));
      }
    }
    return sb.toString();
  }

  /** One row per (sigma, model): mean and sample std over the seeds (std empty with one seed). */
  public static String w2(List<SeedAggregate.W2Mean> rows) {
    StringBuilder sb = new StringBuilder(
        "experiment,sigma_index,sigma,in_training_range,model,metric,seeds,w2sq,w2sq_std,w2,w2_std\n");
    for (SeedAggregate.W2Mean r : rows) {
      line(sb, r.experiment(), r.sigmaIndex(), num(r.sigma()), r.inTrainingRange(), r.model(), r.metric(), r.seeds(),
          num(r.w2sq()), num(r.w2sqStd()), num(r.w2()), num(r.w2Std()));
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
}
