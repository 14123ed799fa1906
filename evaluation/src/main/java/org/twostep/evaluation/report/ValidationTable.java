package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.twostep.evaluation.metrics.FloorReplicas;
import org.twostep.evaluation.metrics.Models;

/**
 * The table {@code twostep validate} prints and writes: per scored sigma, MeanFlow, MeanFlow + DP and the noise floor
 * (means over seeds; the floor the mean over its replicas, with their range), their ratios to the floor and DP/MF, and
 * whether the sigma was held out of training.
 */
public final class ValidationTable {
  private ValidationTable() {}

  /** One scored sigma; a ratio is NaN where a model is missing. */
  public record Row(double sigma, String role, int seeds, double meanflow, double meanflowStd, double corrected,
      double correctedStd, double floor, double meanflowOverFloor, double correctedOverFloor, double dpOverMf,
      double floorMin, double floorMax) {}

  /** The worst ratios of a validation: the figures a setting is chosen by. */
  public record Summary(double maxMfOverFloorInRange, double maxDpOverFloorInRange, double maxDpOverFloorHeldOut,
      double maxDpOverMf) {}

  /** The rows of aggregated W2 (see {@link SeedAggregate#w2}); {@code heldOut} tells the sigma left out of training. */
  /**
   * @param floors the floor replicas' spread by sigma ({@link FloorReplicas#spread}); a sigma without one gets NaN
   */
  public static List<Row> rows(List<SeedAggregate.W2Mean> means, DoublePredicate heldOut,
      Map<Double, FloorReplicas.Spread> floors) {
    List<Row> out = new ArrayList<>();
    for (Map.Entry<Double, Map<String, SeedAggregate.W2Mean>> e : SeedAggregate.bySigma(means).entrySet()) {
      Map<String, SeedAggregate.W2Mean> at = e.getValue();
      SeedAggregate.W2Mean mf = at.get(Models.MEANFLOW);
      SeedAggregate.W2Mean dp = at.get(Models.MEANFLOW_DP);
      SeedAggregate.W2Mean floor = at.get(Models.NOISE_FLOOR);
      double m = mf == null ? Double.NaN : mf.w2sq();
      double c = dp == null ? Double.NaN : dp.w2sq();
      double f = floor == null ? Double.NaN : floor.w2sq();
      FloorReplicas.Spread spread = floors.get(e.getKey());
      int seeds = mf != null ? mf.seeds() : dp != null ? dp.seeds() : 0;
      out.add(new Row(e.getKey(), heldOut.test(e.getKey()) ? "held_out" : "in_range", seeds, m,
          mf == null ? Double.NaN : mf.w2sqStd(), c, dp == null ? Double.NaN : dp.w2sqStd(), f, m / f, c / f, c / m,
          spread == null ? Double.NaN : spread.min(), spread == null ? Double.NaN : spread.max()));
    }
    return out;
  }

  public static Summary summary(List<Row> rows) {
    double mf = Double.NaN;
    double dp = Double.NaN;
    double held = Double.NaN;
    double ratio = Double.NaN;
    for (Row r : rows) {
      if (r.role().equals("in_range")) {
        mf = max(mf, r.meanflowOverFloor());
        dp = max(dp, r.correctedOverFloor());
      } else {
        held = max(held, r.correctedOverFloor());
      }
      ratio = max(ratio, r.dpOverMf());
    }
    return new Summary(mf, dp, held, ratio);
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /** The rows as CSV, one line per sigma, with the variant's name in its first column. */
  public static String csv(String variant, List<Row> rows) {
    StringBuilder sb = new StringBuilder("variant,sigma,role,seeds,meanflow_w2sq,meanflow_w2sq_std,meanflow_dp_w2sq,"
        + "meanflow_dp_w2sq_std,noise_floor_w2sq,meanflow_over_floor,meanflow_dp_over_floor,dp_over_mf,noise_floor_min,"
        + "noise_floor_max\n");
    for (Row r : rows) {
      sb.append(String.join(",", ResultsCsv.quote(variant), ResultsCsv.num(r.sigma()), r.role(), Integer.toString(r.seeds()),
          ResultsCsv.num(r.meanflow()), ResultsCsv.num(r.meanflowStd()), ResultsCsv.num(r.corrected()),
          ResultsCsv.num(r.correctedStd()), ResultsCsv.num(r.floor()), ResultsCsv.num(r.meanflowOverFloor()),
          ResultsCsv.num(r.correctedOverFloor()), ResultsCsv.num(r.dpOverMf()), ResultsCsv.num(r.floorMin()),
          ResultsCsv.num(r.floorMax()))).append('\n');
    }
    return sb.toString();
  }

  /** The rows as a markdown table (W2sq means ± sample std over seeds), then the summary line. */
  public static String markdown(String variant, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("| sigma | role | MF | MF+DP | floor | MF/floor | DP/floor | DP/MF |\n");
    sb.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      String floor = Double.isNaN(r.floorMin()) || r.floorMin() == r.floorMax()
          ? String.format(Locale.ROOT, "%.4f", r.floor())
          : String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", r.floor(), r.floorMin(), r.floorMax());
      sb.append(String.format(Locale.ROOT, "| %.4g | %s | %s | %s | %s | %.2f | %.2f | %.2f |%n", r.sigma(),
          r.role().replace('_', ' '), pm(r.meanflow(), r.meanflowStd()), pm(r.corrected(), r.correctedStd()),
          floor, r.meanflowOverFloor(), r.correctedOverFloor(), r.dpOverMf()));
    }
    Summary s = summary(rows);
    sb.append(String.format(Locale.ROOT,
        "%nvariant %s: max MF/floor in range %.2f, max DP/floor in range %.2f, max DP/floor held out %.2f, "
            + "max DP/MF %.2f%n", variant, s.maxMfOverFloorInRange(), s.maxDpOverFloorInRange(),
        s.maxDpOverFloorHeldOut(), s.maxDpOverMf()));
    return sb.toString();
  }

  private static String pm(double mean, double std) {
    return Double.isNaN(std) ? String.format(Locale.ROOT, "%.4f", mean)
        : String.format(Locale.ROOT, "%.4f ± %.4f", mean, std);
  }
}
