package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.jobs.pipeline.PipelinePlan;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.pipeline.StageScheduler;
import org.twostep.jobs.pipeline.StageScheduler.Stage;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.SimulationCopy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep pipeline}: simulate, train meanflow, train dp and the baselines {@code pipeline.models} enables,
 * generate, evaluate (with the KPP warm-start study), report. Each stage is its own command run with the same options,
 * so it skips what is complete for the same config hash and resumes what was interrupted: a second run does no work.
 * Stages that do not need each other run at once within {@code pipeline.threads} ({@link PipelinePlan}); each keeps
 * its own fixed thread count, so what it computes does not depend on what ran beside it; a training stage that may
 * run beside another runs in a JVM of its own ({@link ChildLauncher}). With
 * {@code --repeat DIR=SEED} the same stages run again with {@code training.seed=SEED} into DIR on a copy of this run's
 * simulation, sharing the thread budget: one run's corrector no longer trains alone on a machine with cores to spare.
 * Records each run's resolved configuration in {@code DIR/run.conf} and each finished stage's wall time in
 * {@code DIR/timings.csv} ({@code twostep publish} reads both).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run an experiment end to end: simulate -> train -> generate -> evaluate -> report (independent "
        + "stages at once, within pipeline.threads).")
public final class PipelineCommand implements Callable<Integer> {
  static final Set<String> MODELS = Set.of("meanflow", "meanflow_2step", "meanflow_dp", "imm");

  @Mixin ExperimentOptions options;

  @Option(names = "--repeat", paramLabel = "DIR=SEED", description = "Also run training, generation, evaluation and "
      + "report with training.seed=SEED into DIR, on a copy of this run's simulation, in the same thread budget "
      + "(repeatable).")
  List<String> repeats = new ArrayList<>();

  @Option(names = "--repeat-override", paramLabel = "key=value",
      description = "An override for the --repeat runs only (repeatable).")
  List<String> repeatOverrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * One run of this invocation: its options, context, local working copy (the directory itself when local), and the tag
   * its lines carry (none alone).
   */
  private record Run(ExperimentOptions options, RunContext ctx, Path dir, String tag) {}

  @Override
  public Integer call() {
    List<Run> runs = runs();
    RunContext ctx = runs.get(0).ctx();
    List<String> models = ctx.config().getStringList("pipeline.models");
    for (String m : models) {
      if (!MODELS.contains(m)) {
        throw new InvalidConfigException("pipeline.models", m, "one of " + MODELS);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    // trainings overlap only in child JVMs; where none can start (spark-submit), stages run one at a time
    int budget = ChildLauncher.available() ? PipelinePlan.budget(ctx.config()) : 1;
    List<Stage> plan = new ArrayList<>();
    Map<String, Run> runOf = new HashMap<>();
    Map<String, String> label = new HashMap<>();
    List<List<Stage>> perRun = new ArrayList<>();
    for (Run r : runs) {
      perRun.add(PipelinePlan.of(models, r.ctx().config(), budget));
    }
    // stage k of every run before stage k + 1 of any: the repeats' simulate (a check of the copy) comes early
    for (int k = 0; k < perRun.get(0).size(); k++) {
      for (int i = 0; i < runs.size(); i++) {
        Run r = runs.get(i);
        Stage s = perRun.get(i).get(k);
        Set<String> after = new HashSet<>();
        s.after().forEach(a -> after.add(named(r, a)));
        if (i > 0 && s.name().equals(PipelinePlan.SIMULATE)) {
          after.add(named(runs.get(0), PipelinePlan.SIMULATE)); // the copy is of the first run's simulation
        }
        Stage tagged = new Stage(named(r, s.name()), s.args(), after, s.threads());
        plan.add(tagged);
        runOf.put(tagged.name(), r);
        label.put(tagged.name(), s.name());
      }
    }
    // run.conf and timings.csv are written in each run's local working copy and pushed to its storage at once
    for (Run r : runs) {
      r.ctx().storage().pull(RunRecords.TIMINGS);
      RunRecords.writeConfig(r.dir(), r.ctx().config());
      r.ctx().storage().push(RunRecords.CONFIG);
    }
    long start = System.nanoTime();
    StageScheduler scheduler = new StageScheduler(budget);
    StageScheduler.Outcome outcome;
    try (TrainInputHandoff handoff = new TrainInputHandoff()) {
      outcome = scheduler.run(plan, stage -> {
        Run r = runOf.get(stage.name());
        PrintWriter stageOut = r.tag().isEmpty() ? out : new PrintWriter(new LinePrefixWriter(r.tag(), out), true);
        if (r != runs.get(0) && label.get(stage.name()).equals(PipelinePlan.SIMULATE)) {
          for (String t : SimulationCopy.copyMissing(Sessions.get(), runs.get(0).ctx().layout(), r.ctx().layout())) {
            stageOut.printf(Locale.ROOT, "pipeline %s: copied %s from %s%n", ctx.experiment(), t,
                runs.get(0).ctx().layout().root());
          }
        }
        List<String> args = new ArrayList<>(stage.args());
        args.addAll(r.options().asArgs());
        boolean besideOthers = budget > 1 && scheduler.threadsOf(stage) < budget;
        if (besideOthers) {
          args.add("--progress-lines"); // it may run beside another stage: two bars redrawn in place would collide
        }
        if (besideOthers && stage.args().get(0).equals("train")) {
          // DJL records one training's gradients at a time per JVM; the child takes the train split from here, where
          // Spark is running, instead of starting its own to read it
          args.addAll(List.of("--train-input", handoff.of(r.dir(), r.ctx()).toString()));
          return ChildLauncher.run(args, stageOut);
        }
        CommandLine cli = Twostep.commandLine();
        cli.setOut(stageOut);
        cli.setErr(spec.commandLine().getErr());
        int code = cli.execute(args.toArray(String[]::new));
        stageOut.flush();
        return code;
      }, new StageScheduler.Listener() {
        @Override
        public void finished(Stage stage, int code, double seconds) {
          out.printf(Locale.ROOT, "pipeline %s: stage '%s' %s in %.1f s%n", ctx.experiment(), stage.name(),
              code == 0 ? "done" : "failed (exit " + code + ")", seconds);
          if (code == 0) {
            Run r = runOf.get(stage.name());
            RunRecords.appendTiming(r.dir(), label.get(stage.name()), seconds, Instant.now());
            r.ctx().storage().push(RunRecords.TIMINGS);
          }
          out.flush();
        }
      });
    }
    if (outcome.code() != 0) {
      return outcome.code();
    }
    out.printf(Locale.ROOT, "pipeline %s: all %d stages done in %.1f s (up to %d at once on %d threads) -> %s%n",
        ctx.experiment(), plan.size(), (System.nanoTime() - start) / 1e9, outcome.peakStages(), budget,
        String.join(", ", runs.stream().map(r -> r.ctx().layout().report()).toList()));
    return 0;
  }

  /** This run and each {@code --repeat}, validated before any work. */
  private List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    RunContext first = options.load();
    runs.add(new Run(options, first, first.storage().local(), ""));
    if (repeats.isEmpty() && !repeatOverrides.isEmpty()) {
      throw new InvalidConfigException("--repeat-override", repeatOverrides.get(0), "given with --repeat DIR=SEED");
    }
    for (String rep : repeats) {
      int eq = rep.lastIndexOf('=');
      String seed = eq < 0 ? "" : rep.substring(eq + 1);
      if (eq <= 0 || !seed.matches("[1-9][0-9]{0,17}")) {
        throw new InvalidConfigException("--repeat", rep, "DIR=SEED with a positive training seed");
      }
      List<String> more = new ArrayList<>(List.of("training.seed=" + seed));
      more.addAll(repeatOverrides);
      ExperimentOptions o = options.forRun(rep.substring(0, eq), more);
      RunContext c = o.load();
      Path dir = c.storage().local();
      for (Run r : runs) {
        if (r.dir().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
          throw new InvalidConfigException("--repeat", rep, "a run directory of its own (" + dir + " is taken)");
        }
      }
      runs.add(new Run(o, c, dir, ""));
    }
    if (runs.size() == 1) {
      return runs;
    }
    List<Run> tagged = new ArrayList<>();
    for (Run r : runs) {
      tagged.add(new Run(r.options(), r.ctx(), r.dir(), "[" + r.dir().getFileName() + "] "));
    }
    return tagged;
  }

  /** A stage's name in the plan: its own, with its run's directory when there are several runs. */
  private static String named(Run r, String stage) {
    return r.tag().isEmpty() ? stage : r.dir().getFileName() + ": " + stage;
  }
}
