package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.Models;
import org.twostep.evaluation.warmstart.EigenRow;

/**
 * Aggregates several seeds' runs of one experiment: the mean and the sample standard deviation over runs of W2 per
 * (sigma, model) and of the warm-start mu_n per (sigma, start, generation), and the summary ratios of the results
 * page. Plain Java: the caller reads the tables.
 */
public final class SeedAggregate {
  private SeedAggregate() {}

  /**
   * One seed's run.
   *
   * @param label the run directory as given
   * @param warmStart the warm-start rows of {@code eigenvalues/} (KPP; empty otherwise)
   * @param reference the long-run mu by sigma_index (KPP; empty otherwise)
   */
  public record Run(String label, long seed, List<MetricRow> metrics, List<EigenRow> warmStart,
      Map<Integer, Double> reference) {}

  /**
   * W2 of one (sigma, model) over the runs; a std is NaN with one seed. {@code particleW2sq}: the particle-level view
   * (NaN where a run has none).
   */
  public record W2Mean(String experiment, int sigmaIndex, double sigma, boolean inTrainingRange, String model,
      String metric, int seeds, double w2sq, double w2sqStd, double w2, double w2Std, double particleW2sq,
      double particleW2sqStd) {}

  /** mu_n of one (sigma, start, generation) over the runs, against the mean long-run reference. */
  public record EigenMean(String experiment, int sigmaIndex, double sigma, String start, int generation, int seeds,
      double muN, double muNStd, double referenceMu, double relError) {}

  /**
   * The page's summary: DP/MF is mean(meanflow_dp) / mean(meanflow) at one sigma; NaN (or null) where the models
   * needed are missing.
   *
   * @param meanRatio mean DP/MF over every test sigma
   * @param meanRatioOutside mean DP/MF over the sigma outside the training range
   * @param dpAtMostMfEverywhere whether mean(meanflow_dp) &lt;= mean(meanflow) at every sigma (the "do no harm":
   *     a sampler that falls back to MeanFlow, whose cloud is then MeanFlow's own, does no harm)
   * @param maxInRangeDpOverFloor max over in-range sigma of mean(meanflow_dp) / mean(noise_floor)
   */
  public record Summary(double meanRatio, int sigmaCount, double meanRatioOutside, int outsideCount,
      Boolean dpAtMostMfEverywhere, double maxInRangeDpOverFloor) {}

  /** Mean and sample std of W2 (w2sq and w2) per (sigma, model), ordered by sigma then model. */
  public static List<W2Mean> w2(List<Run> runs) {
    Map<Double, Map<String, List<MetricRow>>> groups = new TreeMap<>();
    for (Run run : runs) {
      for (MetricRow r : run.metrics()) {
        groups.computeIfAbsent(r.sigma(), s -> new TreeMap<>()).computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r);
      }
    }
    List<W2Mean> out = new ArrayList<>();
    groups.forEach((sigma, byModel) -> byModel.forEach((model, rows) -> {
      double[] w2sq = rows.stream().mapToDouble(MetricRow::w2sq).toArray();
      double[] w2 = rows.stream().mapToDouble(MetricRow::w2).toArray();
      double[] particle = rows.stream().mapToDouble(MetricRow::particleW2sq).toArray();
      MetricRow first = rows.get(0);
      out.add(new W2Mean(first.experiment(), first.sigmaIndex(), sigma, first.inTrainingRange(), model, first.metric(),
          rows.size(), mean(w2sq), std(w2sq), mean(w2), std(w2), mean(particle), std(particle)));
    }));
    return out;
  }

  /** Mean and sample std of mu_n per (sigma, start, generation), with the reference averaged over the runs. */
  public static List<EigenMean> eigen(List<Run> runs) {
    Map<Double, Map<String, Map<Integer, List<EigenRow>>>> groups = new TreeMap<>();
    Map<Double, List<Double>> references = new TreeMap<>();
    for (Run run : runs) {
      Map<Double, Double> seen = new TreeMap<>();
      for (EigenRow r : run.warmStart()) {
        groups.computeIfAbsent(r.sigma(), s -> new TreeMap<>()).computeIfAbsent(r.start(), s -> new TreeMap<>())
            .computeIfAbsent(r.generation(), g -> new ArrayList<>()).add(r);
        Double ref = run.reference().get(r.sigmaIndex());
        if (ref != null) {
          seen.put(r.sigma(), ref);
        }
      }
      seen.forEach((s, ref) -> references.computeIfAbsent(s, k -> new ArrayList<>()).add(ref));
    }
    List<EigenMean> out = new ArrayList<>();
    groups.forEach((sigma, byStart) -> {
      double[] refs = references.getOrDefault(sigma, List.of()).stream().mapToDouble(Double::doubleValue).toArray();
      double reference = mean(refs);
      byStart.forEach((start, byGeneration) -> byGeneration.forEach((generation, rows) -> {
        double[] mu = rows.stream().mapToDouble(EigenRow::muN).toArray();
        double m = mean(mu);
        EigenRow first = rows.get(0);
        out.add(new EigenMean(first.experiment(), first.sigmaIndex(), sigma, start, generation, rows.size(), m, std(mu),
            reference, Math.abs(m - reference) / Math.abs(reference)));
      }));
    });
    return out;
  }

  /** The summary ratios of the aggregated W2 rows. */
  public static Summary summary(List<W2Mean> rows) {
    Map<Double, Map<String, W2Mean>> bySigma = bySigma(rows);
    double sum = 0;
    int count = 0;
    double sumOutside = 0;
    int outside = 0;
    Boolean below = null;
    double maxFloor = Double.NaN;
    for (Map<String, W2Mean> v : bySigma.values()) {
      W2Mean mf = v.get(Models.MEANFLOW);
      W2Mean dp = v.get(Models.MEANFLOW_DP);
      W2Mean floor = v.get(Models.NOISE_FLOOR);
      if (mf != null && dp != null) {
        double ratio = dp.w2sq() / mf.w2sq();
        sum += ratio;
        count++;
        if (!dp.inTrainingRange()) {
          sumOutside += ratio;
          outside++;
        }
        below = (below == null || below) && dp.w2sq() <= mf.w2sq();
      }
      if (dp != null && floor != null && dp.inTrainingRange()) {
        double r = dp.w2sq() / floor.w2sq();
        maxFloor = Double.isNaN(maxFloor) ? r : Math.max(maxFloor, r);
      }
    }
    return new Summary(count == 0 ? Double.NaN : sum / count, count, outside == 0 ? Double.NaN : sumOutside / outside,
        outside, below, maxFloor);
  }

  /** DP/MF at one sigma of {@link #bySigma}, or NaN. */
  public static double ratio(Map<String, W2Mean> atSigma) {
    W2Mean mf = atSigma.get(Models.MEANFLOW);
    W2Mean dp = atSigma.get(Models.MEANFLOW_DP);
    return mf == null || dp == null ? Double.NaN : dp.w2sq() / mf.w2sq();
  }

  /** The rows by sigma (ascending), then by model. */
  public static Map<Double, Map<String, W2Mean>> bySigma(List<W2Mean> rows) {
    Map<Double, Map<String, W2Mean>> out = new TreeMap<>();
    for (W2Mean r : rows) {
      out.computeIfAbsent(r.sigma(), s -> new LinkedHashMap<>()).put(r.model(), r);
    }
    return out;
  }

  static double mean(double[] x) {
    if (x.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Sample standard deviation (n - 1 in the denominator); NaN for fewer than two values. */
  static double std(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}
