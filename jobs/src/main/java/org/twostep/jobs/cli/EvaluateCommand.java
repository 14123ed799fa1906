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

/**
 * {@code twostep evaluate}: metrics of every generated model against the test reference, and the KPP warm starts;
 * with {@code --only}, of some models alone (the pipeline measures each as soon as it is generated).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Measure every generated model against the test reference (Spark job) into DIR/metrics; for KPP, "
        + "run the warm-start study into DIR/eigenvalues.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--force", description = "Recompute units that are already complete.")
  boolean force;

  @Option(names = "--no-warm-start", description = "Skip the KPP warm-start study.")
  boolean noWarmStart;

  @Option(names = "--only", split = ",", paramLabel = "MODEL", description = "Measure only these models' pairs "
      + "(noise_floor: every floor replica, before anything is generated); the others wait for a later run. "
      + "No warm-start study.")
  java.util.Set<String> only;

  @Option(names = "--max-tasks", paramLabel = "N", defaultValue = "0",
      description = "At most N pairs measured at once (default 0: one Spark task per pair).")
  int maxTasks;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    EvaluateConfig.from(ctx.config()); // validates evaluate.* and warm_start.* before Spark starts
    WarmStartConfig.from(ctx.config());
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = Sessions.get();
    if (maxTasks < 0) {
      throw new org.twostep.common.error.InvalidConfigException("--max-tasks", maxTasks, "0 or a positive integer");
    }
    EvaluateJob.Summary s;
    String task = only == null ? "evaluate" : "evaluate " + String.join(",", new java.util.TreeSet<>(only));
    try (ProgressDisplay progress = ProgressDisplay.open(task, "pairs", options, out)) {
      s = EvaluateJob.run(spark, ctx, force, progress, only, maxTasks);
    }
    out.printf(Locale.ROOT, "%s %s: %d pair(s) planned, %d skipped (complete), %d computed in %.1f s; config %s -> %s%n",
        task, ctx.experiment(), s.planned(), s.skipped(), s.computed(), s.seconds(), s.configHash(),
        ctx.layout().metrics());
    if (only == null) {
      out.print(MetricTable.markdown(s.rows(), MetricTable.Quantity.W2SQ));
    }
    if (only == null && !noWarmStart && ctx.config().getString("experiment.system").equals("kpp")) {
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
