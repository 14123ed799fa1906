package org.twostep.evaluation.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.twostep.evaluation.config.ReportConfig;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.FrontSpeed;

/**
 * Writes the pictures into {@code plots/} and {@code report.md} beside it, which links them (SPEC §6). Pictures are
 * written before the Markdown, and each file atomically, so a report never links a missing or partial picture.
 */
public final class ReportWriter {
  /** File-name prefix of the projection pictures in {@code plots/} (then the sigma and {@code .png}). */
  public static final String PROJECTION_PREFIX = "projections_sigma_";
  /** File-name prefix of the 1D marginal pictures in {@code plots/} (then the sigma and {@code .png}). */
  public static final String MARGINAL_PREFIX = "marginals_sigma_";
  /** File name of the training curves in {@code plots/}. */
  public static final String TRAINING_CURVES = "training_curves.png";
  /** File-name prefix of the mu_n pictures in {@code plots/} (then the D and {@code .png}). */
  public static final String EIGEN_PREFIX = "mu_n_sigma_";

  private final ReportConfig config;

  public ReportWriter(ReportConfig config) {
    this.config = config;
  }

  /** What was written. */
  public record Written(Path report, List<Path> plots) {}

  /**
   * @param runDir the run directory (local file system): gets {@code plots/} and {@code report.md}
   */
  public Written write(Path runDir, ReportInputs in) {
    Path plots = runDir.resolve("plots");
    List<Path> written = new ArrayList<>();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(in.experiment()).append("\n\n");
    if (!in.metrics().isEmpty()) {
      String metric = in.metrics().get(0).metric();
      Path w2 = plots.resolve("w2_vs_sigma.png");
      Png.write(W2Chart.build(in.experiment() + ": " + metric + " vs sigma", in.metrics(), in.trainMin(), in.trainMax(),
          in.logSigma(), config.width(), config.height()), w2);
      written.add(w2);
      md.append("## ").append(metric).append(" (w2sq) by sigma\n\n");
      md.append(String.format(Locale.ROOT, "Training range [%s, %s]; rows marked * are extrapolation. "
          + "noise_floor: reference_b against the test reference. DP/MF < 1: the corrector helps.%n%n",
          MetricTable.sigma(in.trainMin()), MetricTable.sigma(in.trainMax())));
      md.append(MetricTable.markdown(in.metrics(), MetricTable.Quantity.W2SQ)).append('\n');
      md.append("![W2 vs sigma](plots/").append(w2.getFileName()).append(")\n\n");
      md.append("## Moment errors\n\nError of the mean (Euclidean norm):\n\n");
      md.append(MetricTable.markdown(in.metrics(), MetricTable.Quantity.MEAN_ERROR)).append('\n');
      md.append("Error of the covariance (Frobenius norm):\n\n");
      md.append(MetricTable.markdown(in.metrics(), MetricTable.Quantity.COV_ERROR)).append('\n');
    }
    if (!in.projections().isEmpty()) {
      md.append("## Projections\n\n");
      for (Map.Entry<Double, ReportInputs.Projection> e : new TreeMap<>(in.projections()).entrySet()) {
        String name = PROJECTION_PREFIX + MetricTable.sigma(e.getKey()) + ".png";
        Path p = plots.resolve(name);
        Png.write(ProjectionImage.render(e.getValue().clouds(), e.getValue().box(), config.imageBins(), e.getKey(),
            config.width(), Math.max(config.height(), config.width())), p); // rows of square panels: up to square
        written.add(p);
        String marginal = MARGINAL_PREFIX + MetricTable.sigma(e.getKey()) + ".png";
        Path m = plots.resolve(marginal);
        int axes = e.getValue().box().dim();
        Png.write(ChartGrid.row(MarginalChart.build(e.getValue().clouds(), e.getValue().box(),
            MarginalChart.bins(e.getValue().clouds().values().iterator().next().size()),
            e.getKey(), Math.max(320, config.width() * 2 / (axes + 1)), config.height() * 2 / 3)), m);
        written.add(m);
        boolean extrapolation = e.getKey() < in.trainMin() || e.getKey() > in.trainMax();
        md.append("sigma = ").append(MetricTable.sigma(e.getKey())).append(extrapolation ? " (extrapolation)" : "")
            .append(", rows: ").append(String.join(", ", e.getValue().clouds().keySet())).append("\n\n");
        md.append("![projections at sigma ").append(MetricTable.sigma(e.getKey())).append("](plots/").append(name)
            .append(")\n\n");
        md.append("![1D marginals at sigma ").append(MetricTable.sigma(e.getKey())).append("](plots/").append(marginal)
            .append(")\n\n");
      }
    }
    if (!in.eigen().isEmpty()) {
      writeEigen(in, plots, written, md);
    }
    if (!in.curves().isEmpty()) {
      Path p = plots.resolve(TRAINING_CURVES);
      Png.write(ChartGrid.row(TrainingCurveChart.build(in.experiment(), in.curves(),
          Math.max(360, config.width() * 2 / (in.curves().size() + 1)), config.height() * 2 / 3)), p);
      written.add(p);
      md.append("## Training curves\n\nThe loss per step of each model (window means of `models/<model>/loss.csv`)")
          .append("; the corrector's held-out validation W2² on the right axis.\n\n")
          .append("![training curves](plots/").append(TRAINING_CURVES).append(")\n\n");
    }
    if (!in.frontSpeeds().isEmpty()) {
      md.append("## Front speed from the lambda scan\n\n| D | c* | argmin lambda | scan (lambda: mu) |\n|---:|---:|---:|---|\n");
      for (FrontSpeed f : in.frontSpeeds()) {
        StringBuilder scan = new StringBuilder();
        for (FrontSpeed.Point p : f.scan()) {
          scan.append(String.format(Locale.ROOT, "%.4g: %.4g; ", p.lambda(), p.mu()));
        }
        md.append(String.format(Locale.ROOT, "| %.5g | %.4f | %.4g | %s |%n", f.sigma(), f.speed(), f.best().lambda(),
            scan.toString().strip()));
      }
      md.append('\n');
    }
    Path report = runDir.resolve("report.md");
    writeAtomically(report, md.toString());
    return new Written(report, written);
  }

  private void writeEigen(ReportInputs in, Path plots, List<Path> written, StringBuilder md) {
    md.append("## KPP warm start: mu_n by start\n\n");
    md.append("reference: the long-run cold estimate of simulate. Every start at one D shares its noise.\n\n");
    md.append(EigenTable.markdown(in.eigen(), in.eigenReference())).append('\n');
    TreeMap<Integer, List<EigenRow>> bySigma = new TreeMap<>();
    for (EigenRow r : in.eigen()) {
      bySigma.computeIfAbsent(r.sigmaIndex(), i -> new ArrayList<>()).add(r);
    }
    List<String> others = new ArrayList<>();
    for (Map.Entry<Integer, List<EigenRow>> e : bySigma.entrySet()) {
      double d = e.getValue().get(0).sigma();
      String name = EIGEN_PREFIX + MetricTable.sigma(d) + ".png";
      Path p = plots.resolve(name);
      Png.write(EigenChart.build(in.experiment() + ": mu_n at D = " + MetricTable.sigma(d), EigenChart.lines(e.getValue()),
          in.eigenReference().getOrDefault(e.getKey(), Double.NaN), config.width(), config.height()), p);
      written.add(p);
      // the projection sigma are shown, the other D linked: eleven charts would bury the page
      boolean shown = in.projections().keySet().stream().anyMatch(s -> Math.abs(s - d) <= 1e-9 * d);
      if (shown) {
        md.append("![mu_n at D = ").append(MetricTable.sigma(d)).append("](plots/").append(name).append(")\n");
      } else {
        others.add("[D = " + MetricTable.sigma(d) + "](plots/" + name + ")");
      }
    }
    if (!others.isEmpty()) {
      md.append("\nmu_n at the other D: ").append(String.join(", ", others)).append('\n');
    }
    md.append('\n');
  }

  private static void writeAtomically(Path file, String text) {
    org.twostep.common.io.AtomicFiles.writeString(file, text);
  }
}
