package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code speedup.csv} of {@code twostep bench speedup} and its two Markdown tables: the wall time per sigma of
 * simulating P particles against sampling P with MeanFlow and MeanFlow + DP (model load excluded and included), and
 * the accuracy at equal time: W2² of the models against the W2² the simulator reaches with the P' particles it can
 * simulate in the sampling time (load excluded, and included).
 */
public final class SpeedupTable {
  static final String HEADER = "sigma,in_training_range,metric,particles,simulate_seconds,simulate_w2sq,"
      + "meanflow_seconds,meanflow_load_seconds,meanflow_dp_seconds,meanflow_dp_load_seconds,speedup_meanflow,"
      + "speedup_meanflow_dp,speedup_meanflow_dp_load,meanflow_w2sq,meanflow_dp_w2sq,equal_particles,"
      + "equal_seconds,equal_w2sq,equal_load_particles,equal_load_seconds,equal_load_w2sq";

  private SpeedupTable() {}

  /** The simulator at P' particles: its wall time and W2² (NaN when it blew up). */
  public record Simulated(int particles, double seconds, double w2sq) {}

  /**
   * One sigma: P particles; seconds to simulate them (replica {@code reference_b}, so its W2² is the noise floor) and
   * to sample them (load excluded: median of repeated calls on an open model; included: open plus first call).
   */
  public record Row(double sigma, boolean inTrainingRange, String metric, int particles, Simulated simulate,
      double meanflowSeconds, double meanflowLoadSeconds, double dpSeconds, double dpLoadSeconds, double meanflowW2sq,
      double dpW2sq, Simulated equal, Simulated equalLoad) {

    public double speedupMeanflow() {
      return simulate.seconds() / meanflowSeconds;
    }

    public double speedupDp() {
      return simulate.seconds() / dpSeconds;
    }

    public double speedupDpLoad() {
      return simulate.seconds() / dpLoadSeconds;
    }
  }

  public static String csv(List<Row> rows) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Row r : rows) {
      sb.append(String.join(",", List.of(Double.toString(r.sigma()), Boolean.toString(r.inTrainingRange()), r.metric(),
          Integer.toString(r.particles()), g(r.simulate().seconds()), g(r.simulate().w2sq()), g(r.meanflowSeconds()),
          g(r.meanflowLoadSeconds()), g(r.dpSeconds()), g(r.dpLoadSeconds()), g(r.speedupMeanflow()),
          g(r.speedupDp()), g(r.speedupDpLoad()), g(r.meanflowW2sq()), g(r.dpW2sq()),
          Integer.toString(r.equal().particles()), g(r.equal().seconds()), g(r.equal().w2sq()),
          Integer.toString(r.equalLoad().particles()), g(r.equalLoad().seconds()), g(r.equalLoad().w2sq()))))
          .append('\n');
    }
    return sb.toString();
  }

  /** Parses what {@link #csv} wrote. */
  public static List<Row> parse(String csv) {
    List<Row> rows = new ArrayList<>();
    String[] lines = csv.split("\n");
    if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
      throw new IllegalArgumentException("not a speedup.csv: the header is not " + HEADER);
    }
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] c = lines[i].strip().split(",");
      if (c.length != 21) {
        throw new IllegalArgumentException("speedup.csv line " + (i + 1) + " has " + c.length + " fields, not 21");
      }
      rows.add(new Row(d(c[0]), Boolean.parseBoolean(c[1]), c[2], Integer.parseInt(c[3]),
          new Simulated(Integer.parseInt(c[3]), d(c[4]), d(c[5])), d(c[6]), d(c[7]), d(c[8]), d(c[9]), d(c[13]),
          d(c[14]), new Simulated(Integer.parseInt(c[15]), d(c[16]), d(c[17])),
          new Simulated(Integer.parseInt(c[18]), d(c[19]), d(c[20]))));
    }
    return rows;
  }

  /**
   * The results page's section: how the tables were measured and the command that regenerates them on {@code run},
   * then the tables; without rows, how to measure them.
   */
  public static String section(List<Row> rows, String run) {
    StringBuilder sb = new StringBuilder("## Speedup over simulating\n\n");
    String command = "deploy/local/twostep bench speedup --run " + run;
    if (rows == null) {
      return sb.append("Not measured yet: run `").append(command).append("`, then publish again.\n").toString();
    }
    return sb.append("Wall time per sigma of simulating P particles (the simulator of `simulate`, all cores) and of "
        + "sampling P with the trained models (model load excluded: median of repeated calls; included: opening the "
        + "model plus the first call), on the same machine and run (").append(run).append(
        "). Regenerate with `").append(command).append("` before `publish` ([speedup.csv](speedup.csv)); "
            + "rows marked * are outside the training range.\n\n").append(markdown(rows)).toString();
  }

  /** The time table and the equal-time accuracy table; rows marked * are outside the training range. */
  public static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("| sigma | P | simulate (s) | MeanFlow (s) | MeanFlow + load (s) | MeanFlow + DP (s)"
        + " | MeanFlow + DP + load (s) | speedup MeanFlow | speedup MeanFlow + DP | speedup MeanFlow + DP + load |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", sigma(r),
          r.particles(), s(r.simulate().seconds()), s(r.meanflowSeconds()), s(r.meanflowLoadSeconds()),
          s(r.dpSeconds()), s(r.dpLoadSeconds()), x(r.speedupMeanflow()), x(r.speedupDp()), x(r.speedupDpLoad())));
    }
    sb.append("\nAccuracy at equal wall time: W2² (").append(rows.isEmpty() ? "" : rows.get(0).metric())
        .append(") against the test reference of the simulator at P (the noise floor), of the models, and of the "
            + "simulator with the P' particles it simulates in MeanFlow + DP's time, load excluded and included.\n\n"
            + "| sigma | simulate P | MeanFlow | MeanFlow + DP | P' (MF+DP time) | s | simulate P' "
            + "| P' (MF+DP + load time) | s | simulate P' |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %d | %s | %s |%n", sigma(r),
          w(r.simulate().w2sq()), w(r.meanflowW2sq()), w(r.dpW2sq()), r.equal().particles(), s(r.equal().seconds()),
          w(r.equal().w2sq()), r.equalLoad().particles(), s(r.equalLoad().seconds()), w(r.equalLoad().w2sq())));
    }
    return sb.toString();
  }

  private static String sigma(Row r) {
    return MetricTable.sigma(r.sigma()) + (r.inTrainingRange() ? "" : " *");
  }

  private static String s(double seconds) {
    return String.format(Locale.ROOT, seconds < 0.1 ? "%.4f" : "%.2f", seconds);
  }

  private static String x(double ratio) {
    return String.format(Locale.ROOT, ratio < 100 ? "%.1fx" : "%.0fx", ratio);
  }

  private static String w(double w2sq) {
    return Double.isNaN(w2sq) ? "blow-up" : MetricTable.number(w2sq);
  }

  private static String g(double v) {
    return Double.toString(v);
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }
}
