package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.twostep.evaluation.metrics.Models;

/**
 * The Markdown of a published results page ({@code twostep publish}): how to regenerate it, which runs and machine it
 * comes from, W2 by sigma as mean ± std over the seeds with the DP/MF ratio and a summary line, the pictures, the KPP
 * warm-start table, the ablation and the stage timings. Images are linked relative to the page.
 */
public final class ResultsPage {
  /** Column order of the W2 table; other models go after these, the noise floor last. */
  static final List<String> ORDER = List.of(Models.MEANFLOW, Models.MEANFLOW_DP, "imm", "meanflow_2step");
  static final Map<String, String> TITLES = Map.of(Models.MEANFLOW, "MeanFlow", Models.MEANFLOW_DP, "MeanFlow + DP",
      "imm", "IMM", "meanflow_2step", "2-step", Models.NOISE_FLOOR, "noise floor");
  /** With more warm-start sigma than this, the page shows the mean relative error and the first sigma's table. */
  static final int EIGEN_TABLES = 3;

  private ResultsPage() {}

  /**
   * One run of the page.
   *
   * @param seedSource where the seed was read ({@code run.conf}, the model card) or that it is the position in --runs
   */
  public record RunInfo(String dir, long seed, String seedSource, List<String> configHashes, boolean timingsRecorded) {}

  /**
   * Everything the page shows.
   *
   * @param w2Image file name of the W2 picture beside the page
   * @param marginalImages the first run's 1D marginal overlays, beside the page
   * @param trainingCurves the first run's training-curve picture beside the page, or null when it has none
   * @param ablation the ablation rows, or null without --ablate
   */
  public record Inputs(String experiment, String command, String configFile, String profile, String publishedUtc,
      List<RunInfo> runs, Machine machine, List<SeedAggregate.W2Mean> w2, String w2Image, List<String> projectionImages,
      List<String> marginalImages, String trainingCurves, List<SeedAggregate.EigenMean> eigen, List<String> eigenImages,
      List<AblationTable.Row> ablation, List<StageTiming> timings, String resolvedConfig) {}

  public static String markdown(Inputs in) {
    StringBuilder md = new StringBuilder();
    md.append("# Results: ").append(in.experiment()).append("\n\n");
    md.append(String.format(Locale.ROOT, "%d seed(s) of `pipeline` at profile `%s`, published %s by `twostep publish`. "
        + "Regenerate from the project root, after running the pipelines below:%n%n", in.runs().size(),
        in.profile() == null ? "(none)" : in.profile(), in.publishedUtc()));
    md.append("```\n").append(in.command()).append("\n```\n\n");
    runs(md, in);
    md.append("## W2² by sigma\n\n");
    md.append("Mean ± sample standard deviation over the seeds of W2² (").append(metric(in))
        .append(") against the test reference ([w2.csv](w2.csv), per seed: [w2_by_seed.csv](w2_by_seed.csv)); rows "
            + "marked * are outside the training range. DP/MF = mean(MeanFlow + DP) / mean(MeanFlow).\n\n");
    md.append(w2Table(in.w2())).append('\n');
    md.append(summary(SeedAggregate.summary(in.w2()))).append("\n\n");
    md.append("![W2 vs sigma](").append(in.w2Image()).append(")\n\n");
    String particle = particleTable(in.w2());
    if (particle != null) {
      md.append("### Particle-level view\n\nW2² of the exact EMD between equal-size subsamples of both clouds (every "
          + "point of each subsample matched, no bins; the periodic cost on a torus; column `particle_w2sq`), mean ± "
          + "sample std over the seeds, so no conclusion rests on one binning. Its noise floor is higher than the "
          + "binned one: it carries the subsample's own sampling noise.\n\n").append(particle).append('\n');
    }
    if (!in.projectionImages().isEmpty()) {
      md.append("## Projections\n\nFrom the first run (").append(in.runs().get(0).dir()).append(").\n\n");
      in.projectionImages().forEach(p -> md.append("![").append(p).append("](").append(p).append(")\n\n"));
    }
    if (!in.marginalImages().isEmpty()) {
      md.append("## 1D marginals\n\nFrom the first run: the histogram of each coordinate, reference against the "
          + "models, where mass placement and anisotropy show at a glance.\n\n");
      in.marginalImages().forEach(p -> md.append("![").append(p).append("](").append(p).append(")\n\n"));
    }
    if (in.trainingCurves() != null) {
      md.append("## Training curves\n\nFrom the first run's `loss.csv` files (MeanFlow and IMM loss, the corrector's "
          + "loss and validation W2).\n\n![training curves](").append(in.trainingCurves()).append(")\n\n");
    }
    if (!in.eigen().isEmpty()) {
      eigen(md, in);
    }
    if (in.ablation() != null) {
      md.append("## Ablation\n\n[ablation.csv](ablation.csv): W2² of the corrector per setting (one seed); rows marked "
          + "* are outside the training range.\n\n");
      md.append(AblationTable.markdown(in.ablation())).append('\n');
    }
    timings(md, in);
    return md.toString();
  }

  private static String metric(Inputs in) {
    return in.w2().isEmpty() ? "" : in.w2().get(0).metric();
  }

  private static void runs(StringBuilder md, Inputs in) {
    md.append("## Runs\n\nConfig file `").append(in.configFile()).append("`, profile `").append(in.profile())
        .append("`.\n\n| run | seed | seed read from | config hash (metrics) |\n|---|---:|---|---|\n");
    boolean guessed = false;
    for (RunInfo r : in.runs()) {
      md.append("| ").append(r.dir()).append(" | ").append(r.seed()).append(" | ").append(r.seedSource()).append(" | ")
          .append(String.join(", ", r.configHashes())).append(" |\n");
      guessed |= r.seedSource().startsWith("position");
    }
    if (guessed) {
      md.append("\nA run that records no seed (no run.conf, no model card) is numbered by its position in --runs.\n");
    }
    if (in.resolvedConfig() != null) {
      md.append("\nThe first run's resolved configuration, every default included: [").append(in.resolvedConfig())
          .append("](").append(in.resolvedConfig()).append(").\n");
    }
    md.append("\nPublished on: ").append(in.machine().describe()).append(".\n\n");
  }

  /** Sigma rows; mean ± std of w2sq per model in the page's order, the noise floor, DP/MF. */
  /** MeanFlow, MeanFlow + DP and the floor in the particle-level view, with DP/MF and DP/floor; null without it. */
  static String particleTable(List<SeedAggregate.W2Mean> rows) {
    if (rows.stream().noneMatch(r -> Double.isFinite(r.particleW2sq()))) {
      return null;
    }
    List<String> models = List.of(Models.MEANFLOW, Models.MEANFLOW_DP, Models.NOISE_FLOOR);
    StringBuilder sb = new StringBuilder("| sigma |");
    models.forEach(m -> sb.append(' ').append(TITLES.getOrDefault(m, m)).append(" |"));
    sb.append(" DP/MF | DP/floor |\n|").append("---:|".repeat(models.size() + 3)).append('\n');
    SeedAggregate.bySigma(rows).forEach((sigma, v) -> {
      boolean in = v.values().iterator().next().inTrainingRange();
      sb.append("| ").append(MetricTable.sigma(sigma)).append(in ? "" : " *").append(" |");
      for (String m : models) {
        SeedAggregate.W2Mean r = v.get(m);
        sb.append(' ').append(r == null ? "" : meanStd(r.particleW2sq(), r.particleW2sqStd())).append(" |");
      }
      sb.append(' ').append(quotient(v, Models.MEANFLOW_DP, Models.MEANFLOW)).append(" | ")
          .append(quotient(v, Models.MEANFLOW_DP, Models.NOISE_FLOOR)).append(" |\n");
    });
    return sb.toString();
  }

  private static String quotient(Map<String, SeedAggregate.W2Mean> v, String top, String bottom) {
    SeedAggregate.W2Mean a = v.get(top);
    SeedAggregate.W2Mean b = v.get(bottom);
    double q = a == null || b == null ? Double.NaN : a.particleW2sq() / b.particleW2sq();
    return Double.isFinite(q) ? String.format(Locale.ROOT, "%.3f", q) : "";
  }

  public static String w2Table(List<SeedAggregate.W2Mean> rows) {
    Map<Double, Map<String, SeedAggregate.W2Mean>> bySigma = SeedAggregate.bySigma(rows);
    Set<String> present = new java.util.TreeSet<>();
    rows.forEach(r -> present.add(r.model()));
    List<String> models = new ArrayList<>();
    ORDER.stream().filter(present::contains).forEach(models::add);
    present.stream().filter(m -> !ORDER.contains(m) && !m.equals(Models.NOISE_FLOOR)).forEach(models::add);
    if (present.contains(Models.NOISE_FLOOR)) {
      models.add(Models.NOISE_FLOOR);
    }
    boolean ratio = present.contains(Models.MEANFLOW) && present.contains(Models.MEANFLOW_DP);
    StringBuilder sb = new StringBuilder("| sigma |");
    models.forEach(m -> sb.append(' ').append(TITLES.getOrDefault(m, m)).append(" |"));
    if (ratio) {
      sb.append(" DP/MF |");
    }
    sb.append("\n|").append("---:|".repeat(1 + models.size() + (ratio ? 1 : 0))).append('\n');
    bySigma.forEach((sigma, v) -> {
      boolean in = v.values().iterator().next().inTrainingRange();
      sb.append("| ").append(MetricTable.sigma(sigma)).append(in ? "" : " *").append(" |");
      for (String m : models) {
        SeedAggregate.W2Mean r = v.get(m);
        sb.append(' ').append(r == null ? "" : meanStd(r.w2sq(), r.w2sqStd())).append(" |");
      }
      if (ratio) {
        double q = SeedAggregate.ratio(v);
        sb.append(' ').append(Double.isNaN(q) ? "" : String.format(Locale.ROOT, "%.3f", q)).append(" |");
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  /** The summary line under the W2 table. */
  public static String summary(SeedAggregate.Summary s) {
    if (s.sigmaCount() == 0) {
      return "DP/MF: not available (MeanFlow or MeanFlow + DP missing).";
    }
    return String.format(Locale.ROOT, "DP/MF: mean %s over all %d test sigma, %s over the %d sigma outside the training "
        + "range; MeanFlow + DP at or below MeanFlow at every sigma: %s; max over in-range sigma of MeanFlow + DP / noise "
        + "floor: %s.", ratio(s.meanRatio()), s.sigmaCount(), ratio(s.meanRatioOutside()), s.outsideCount(),
        Boolean.TRUE.equals(s.dpAtMostMfEverywhere()) ? "yes" : "no", ratio(s.maxInRangeDpOverFloor()));
  }

  private static void eigen(StringBuilder md, Inputs in) {
    md.append("## KPP warm start\n\nmu_n after n generations from each start, mean ± std over the seeds; reference: the "
        + "long-run cold estimate of simulate's test split, averaged over the seeds ([eigenvalues.csv](eigenvalues.csv)"
        + ").\n\n");
    TreeMap<Double, List<SeedAggregate.EigenMean>> bySigma = new TreeMap<>();
    Set<String> starts = new LinkedHashSet<>();
    for (SeedAggregate.EigenMean e : in.eigen()) {
      bySigma.computeIfAbsent(e.sigma(), s -> new ArrayList<>()).add(e);
    }
    List.of("cold", Models.MEANFLOW, Models.MEANFLOW_DP).forEach(s -> {
      if (in.eigen().stream().anyMatch(e -> e.start().equals(s))) {
        starts.add(s);
      }
    });
    in.eigen().forEach(e -> starts.add(e.start()));
    List<Integer> printed = printedGenerations(in.eigen());
    if (bySigma.size() > EIGEN_TABLES) {
      md.append("Mean relative error |mu_n - reference| / |reference| over the ").append(bySigma.size())
          .append(" D:\n\n| n |");
      starts.forEach(s -> md.append(' ').append(s).append(" |"));
      md.append("\n|").append("---:|".repeat(1 + starts.size())).append('\n');
      for (int n : printed) {
        md.append("| ").append(n).append(" |");
        for (String s : starts) {
          double[] err = in.eigen().stream().filter(e -> e.generation() == n && e.start().equals(s))
              .mapToDouble(SeedAggregate.EigenMean::relError).filter(Double::isFinite).toArray();
          md.append(' ').append(err.length == 0 ? "" : MetricTable.number(SeedAggregate.mean(err))).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
      var first = bySigma.firstEntry();
      eigenTable(md, first.getKey(), first.getValue(), starts, printed);
    } else {
      bySigma.forEach((sigma, rows) -> eigenTable(md, sigma, rows, starts, printed));
    }
    in.eigenImages().forEach(p -> md.append("![").append(p).append("](").append(p).append(")\n"));
    md.append('\n');
  }

  private static void eigenTable(StringBuilder md, double sigma, List<SeedAggregate.EigenMean> rows, Set<String> starts,
      List<Integer> printed) {
    Map<String, Map<Integer, SeedAggregate.EigenMean>> byStart = new LinkedHashMap<>();
    rows.forEach(e -> byStart.computeIfAbsent(e.start(), s -> new TreeMap<>()).put(e.generation(), e));
    double reference = rows.get(0).referenceMu();
    md.append("D = ").append(MetricTable.sigma(sigma)).append(":\n\n| n |");
    starts.forEach(s -> md.append(' ').append(s).append(" |"));
    md.append(" reference |\n|").append("---:|".repeat(2 + starts.size())).append('\n');
    for (int n : printed) {
      md.append("| ").append(n).append(" |");
      for (String s : starts) {
        SeedAggregate.EigenMean e = byStart.getOrDefault(s, Map.of()).get(n);
        md.append(' ').append(e == null ? "" : meanStd(e.muN(), e.muNStd())).append(" |");
      }
      md.append(' ').append(MetricTable.number(reference)).append(" |\n");
    }
    md.append('\n');
  }

  /** n = 1, 2, 4, ... up to the last generation, and the last one. */
  private static List<Integer> printedGenerations(List<SeedAggregate.EigenMean> rows) {
    int last = rows.stream().mapToInt(SeedAggregate.EigenMean::generation).max().orElse(1);
    List<Integer> printed = new ArrayList<>();
    for (int n = 1; n <= last; n *= 2) {
      printed.add(n);
    }
    if (printed.get(printed.size() - 1) != last) {
      printed.add(last);
    }
    return printed;
  }

  private static void timings(StringBuilder md, Inputs in) {
    md.append("## Stage wall times\n\n");
    List<String> recorded = in.runs().stream().filter(RunInfo::timingsRecorded).map(RunInfo::dir).toList();
    List<String> missing = in.runs().stream().filter(r -> !r.timingsRecorded()).map(RunInfo::dir).toList();
    if (recorded.isEmpty()) {
      md.append("Not recorded (the runs have no timings.csv).\n");
      return;
    }
    Map<String, Map<String, Double>> byStage = new LinkedHashMap<>();
    for (StageTiming t : in.timings()) {
      byStage.computeIfAbsent(t.stage(), s -> new LinkedHashMap<>()).merge(t.run(), t.seconds(), Double::sum);
    }
    md.append("Seconds per stage ([timings.csv](timings.csv)), summed over the pipeline invocations of a run. Stages "
        + "that run at once overlap (the pipeline trains MeanFlow beside IMM, and the seeds beside each other), so the "
        + "total is the stages' time, more than the wall time.\n\n");
    md.append("| stage |");
    recorded.forEach(r -> md.append(' ').append(r).append(" |"));
    md.append("\n|---|").append("---:|".repeat(recorded.size())).append('\n');
    Map<String, Double> total = new LinkedHashMap<>();
    byStage.forEach((stage, v) -> {
      md.append("| ").append(stage).append(" |");
      for (String r : recorded) {
        Double s = v.get(r);
        md.append(' ').append(s == null ? "" : String.format(Locale.ROOT, "%.1f", s)).append(" |");
        total.merge(r, s == null ? 0 : s, Double::sum);
      }
      md.append('\n');
    });
    md.append("| total |");
    recorded.forEach(r -> md.append(String.format(Locale.ROOT, " %.1f |", total.getOrDefault(r, 0.0))));
    md.append('\n');
    if (!missing.isEmpty()) {
      md.append("\nNot recorded for ").append(String.join(", ", missing)).append(" (no timings.csv).\n");
    }
  }

  /**
   * {@code mean ± std} in 4 significant digits; the mean alone without a std or when the seeds agree to rounding (the
   * noise floor, which does not depend on the training seed).
   */
  static String meanStd(double mean, double std) {
    boolean agree = Double.isNaN(std) || Math.abs(std) <= 1e-9 * Math.abs(mean);
    return agree ? MetricTable.number(mean) : MetricTable.number(mean) + " ± " + MetricTable.number(std);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
