package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.jobs.pipeline.PipelinePlan;
import org.twostep.jobs.pipeline.RunLayoutPaths;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.pipeline.StageScheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code twostep pipeline}: simulate, train meanflow, train dp and the baselines {@code pipeline.models} enables,
 * generate, evaluate (with the KPP warm-start study), report. Each stage is its own command run with the same options,
 * so it skips what is complete for the same config hash and resumes what was interrupted: a second run does no work.
 * Stages that do not need each other run at once within {@code pipeline.threads} ({@link PipelinePlan}); each keeps
 * its own fixed thread count, so what it computes does not depend on what ran beside it. Records the resolved configuration in {@code DIR/run.conf} and each finished stage's wall time in
 * {@code DIR/timings.csv} ({@code twostep publish} reads both).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run an experiment end to end: simulate -> train -> generate -> evaluate -> report (independent "
        + "stages at once, within pipeline.threads).")
public final class PipelineCommand implements Callable<Integer> {
  static final Set<String> MODELS = Set.of("meanflow", "meanflow_2step", "meanflow_dp", "imm");

  @Mixin ExperimentOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    List<String> models = ctx.config().getStringList("pipeline.models");
    for (String m : models) {
      if (!MODELS.contains(m)) {
        throw new InvalidConfigException("pipeline.models", m, "one of " + MODELS);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    int budget = PipelinePlan.budget(ctx.config());
    List<StageScheduler.Stage> plan = PipelinePlan.of(models, ctx.config(), budget);
    java.nio.file.Path dir = RunLayoutPaths.local(ctx.layout().root());
    RunRecords.writeConfig(dir, ctx.config());
    long start = System.nanoTime();
    StageScheduler scheduler = new StageScheduler(budget);
    StageScheduler.Outcome outcome = scheduler.run(plan, stage -> {
      List<String> args = new ArrayList<>(stage.args());
      args.addAll(options.asArgs());
      if (budget > 1 && scheduler.threadsOf(stage) < budget) {
        args.add("--progress-lines"); // it may run beside another stage: two bars redrawn in place would collide
      }
      CommandLine cli = Twostep.commandLine();
      cli.setOut(out);
      cli.setErr(spec.commandLine().getErr());
      return cli.execute(args.toArray(String[]::new));
    }, new StageScheduler.Listener() {
      @Override
      public void finished(StageScheduler.Stage stage, int code, double seconds) {
        out.printf(Locale.ROOT, "pipeline %s: stage '%s' %s in %.1f s%n", ctx.experiment(), stage.name(),
            code == 0 ? "done" : "failed (exit " + code + ")", seconds);
        if (code == 0) {
          RunRecords.appendTiming(dir, stage.name(), seconds, Instant.now());
        }
        out.flush();
      }
    });
    if (outcome.code() != 0) {
      return outcome.code();
    }
    out.printf(Locale.ROOT, "pipeline %s: all %d stages done in %.1f s (up to %d at once on %d threads) -> %s%n",
        ctx.experiment(), plan.size(), (System.nanoTime() - start) / 1e9, outcome.peakStages(), budget,
        ctx.layout().report());
    return 0;
  }
}
