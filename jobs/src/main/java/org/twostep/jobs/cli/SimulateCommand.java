package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.data.TaskKey;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.SimulateJob;
import org.twostep.simulation.Simulations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twostep simulate}: the particle clouds of every (sigma, split) of an experiment, to DIR/particles. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate the training, test and reference_b clouds of an experiment (Spark job).")
public final class SimulateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--force", description = "Recompute partitions that are already complete.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    if (!org.twostep.jobs.spark.ImportJob.imported(ctx.config())) {
      Simulations.from(ctx.config(), 1); // validates ks.* / kpp.* before Spark starts
    }
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = Sessions.get();
    SimulateJob.Summary s = run(spark, ctx, force, out);
    out.printf(Locale.ROOT, "simulate %s: %d task(s) planned, %d skipped (complete), %d computed in %.1f s; config %s -> %s%n",
        ctx.experiment(), s.planned(), s.skipped(), s.computed(), s.seconds(), s.configHash(), ctx.layout().particles());
    return 0;
  }

  /** Runs the job with a progress bar on a terminal and a line per task otherwise. */
  static SimulateJob.Summary run(SparkSession spark, RunContext ctx, boolean force, PrintWriter out) {
    List<TaskKey> plan = new ArrayList<>();
    ProgressBar[] bar = new ProgressBar[1];
    long t0 = System.nanoTime();
    int[] done = {0};
    try {
      return SimulateJob.run(spark, ctx, force, index -> {
        done[0]++;
        if (bar[0] != null) {
          bar[0].step();
        } else {
          out.printf(Locale.ROOT, "[%d/%d] %s done (%.1f s)%n", done[0], plan.size(), plan.get(index),
              (System.nanoTime() - t0) / 1e9);
          out.flush();
        }
      }, pending -> {
        plan.addAll(pending);
        if (System.console() != null && !pending.isEmpty()) {
          bar[0] = new ProgressBarBuilder().setTaskName("simulate").setInitialMax(pending.size()).build();
        }
      });
    } finally {
      if (bar[0] != null) {
        bar[0].close();
      }
    }
  }
}
