package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.config.WarmStartConfig;
import org.twostep.evaluation.report.MetricTable;
import org.twostep.jobs.spark.EigenvalueStudyJob;
import org.twostep.jobs.spark.EvaluateJob;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twostep evaluate}: metrics of every generated model against the test reference, and the KPP warm starts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Measure every generated model against the test reference (Spark job) into DIR/metrics; for KPP, "
        + "run the warm-start study into DIR/eigenvalues.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--force", description = "Recompute units that are already complete.")
  boolean force;

  @Option(names = "--no-warm-start", description = "Skip the KPP warm-start study.")
  boolean noWarmStart;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    EvaluateConfig.from(ctx.config()); // validates evaluate.* and warm_start.* before Spark starts
    WarmStartConfig.from(ctx.config());
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = Sessions.get();
    EvaluateJob.Summary s;
    try (ProgressDisplay progress = ProgressDisplay.open("evaluate", "pairs", options.quiet(), out)) {
      s = EvaluateJob.run(spark, ctx, force, progress);
    }
    out.printf(Locale.ROOT, "evaluate %s: %d pair(s) planned, %d skipped (complete), %d computed in %.1f s; config %s -> %s%n",
        ctx.experiment(), s.planned(), s.skipped(), s.computed(), s.seconds(), s.configHash(), ctx.layout().metrics());
    out.print(MetricTable.markdown(s.rows(), MetricTable.Quantity.W2SQ));
    if (!noWarmStart && ctx.config().getString("experiment.system").equals("kpp")) {
      out.flush();
      EigenvalueStudyJob.Summary e;
      try (ProgressDisplay progress = ProgressDisplay.open("warm start", "runs", options.quiet(), out)) {
        e = EigenvalueStudyJob.run(spark, ctx, force, progress);
      }
      out.printf(Locale.ROOT, "warm start %s: %d run(s) planned, %d skipped (complete), %d computed in %.1f s -> %s%n",
          ctx.experiment(), e.planned(), e.skipped(), e.computed(), e.seconds(), ctx.layout().eigenvalues());
      if (!e.absentStarts().isEmpty()) {
        out.printf(Locale.ROOT, "warm start %s: start(s) %s left out: their model is not in %s%n", ctx.experiment(),
            e.absentStarts(), ctx.layout().generated());
      }
    }
    out.flush();
    return 0;
  }
}
