package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.SimulateJob;
import org.twostep.simulation.Simulations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code twostep simulate}: the particle clouds of every (sigma, split) of an experiment, to DIR/particles. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate the training, test and floor-reference (reference_b, _c, _d) clouds of an experiment (Spark job).")
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
    SimulateJob.Summary s = run(spark, ctx, force, options.quiet(), out);
    out.printf(Locale.ROOT, "simulate %s: %d task(s) planned, %d skipped (complete), %d computed in %.1f s; config %s -> %s%n",
        ctx.experiment(), s.planned(), s.skipped(), s.computed(), s.seconds(), s.configHash(), ctx.layout().particles());
    return 0;
  }

  /** Runs the job, one progress unit per (sigma, split) task. */
  static SimulateJob.Summary run(SparkSession spark, RunContext ctx, boolean force, boolean quiet, PrintWriter out) {
    int[] done = {0};
    try (ProgressDisplay progress = ProgressDisplay.open("simulate", "tasks", quiet, out)) {
      return SimulateJob.run(spark, ctx, force, index -> progress.advanced(++done[0]),
          pending -> progress.started(0, pending.size()));
    }
  }
}
