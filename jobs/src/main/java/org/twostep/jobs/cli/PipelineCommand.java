package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.jobs.pipeline.RunRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code twostep pipeline}: simulate, train meanflow, train dp and the baselines {@code pipeline.models} enables,
 * generate, evaluate (with the KPP warm-start study), report. Each stage is its own command run with the same options,
 * so it skips what is complete for the same config hash and resumes what was interrupted: a second run does no work.
 * Records the resolved configuration in {@code DIR/run.conf} and each finished stage's wall time in
 * {@code DIR/timings.csv} ({@code twostep publish} reads both).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run an experiment end to end: simulate -> train -> generate -> evaluate -> report.")
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
    List<List<String>> stages = new ArrayList<>();
    stages.add(List.of("simulate"));
    stages.add(List.of("train", "--stage", "meanflow"));
    if (models.contains("meanflow_dp")) {
      stages.add(List.of("train", "--stage", "dp"));
    }
    if (models.contains("imm")) {
      stages.add(List.of("train", "--stage", "imm"));
    }
    for (String m : models) {
      stages.add(m.equals("meanflow_2step") ? List.of("generate", "--model", "meanflow", "--steps", "2")
          : List.of("generate", "--model", m));
    }
    stages.add(List.of("evaluate"));
    stages.add(List.of("report"));
    // run.conf and timings.csv are written in the run's local working copy and pushed to its storage at once
    java.nio.file.Path dir = ctx.storage().local();
    ctx.storage().pull(RunRecords.TIMINGS);
    RunRecords.writeConfig(dir, ctx.config());
    ctx.storage().push(RunRecords.CONFIG);
    long start = System.nanoTime();
    for (List<String> stage : stages) {
      long t0 = System.nanoTime();
      List<String> args = new ArrayList<>(stage);
      args.addAll(options.asArgs());
      CommandLine cli = Twostep.commandLine();
      cli.setOut(out);
      cli.setErr(spec.commandLine().getErr());
      int code = cli.execute(args.toArray(String[]::new));
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "pipeline %s: stage '%s' %s in %.1f s%n", ctx.experiment(), String.join(" ", stage),
          code == 0 ? "done" : "failed (exit " + code + ")", seconds);
      if (code == 0) {
        RunRecords.appendTiming(dir, label(stage), seconds, Instant.now());
        ctx.storage().push(RunRecords.TIMINGS);
      }
      out.flush();
      if (code != 0) {
        return code;
      }
    }
    out.printf(Locale.ROOT, "pipeline %s: all %d stages done in %.1f s -> %s%n", ctx.experiment(), stages.size(),
        (System.nanoTime() - start) / 1e9, ctx.layout().report());
    return 0;
  }

  /** A stage's name in timings.csv: the command and its model, e.g. {@code train meanflow_dp}. */
  static String label(List<String> stage) {
    return String.join(" ", stage).replace("--stage ", "").replace("--model ", "")
        .replace("--steps 2", "(2 steps)").replace("train dp", "train meanflow_dp");
  }
}
