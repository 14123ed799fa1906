package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.io.AtomicFiles;
import org.twostep.evaluation.report.ResultsCsv;
import org.twostep.evaluation.report.SeedAggregate;
import org.twostep.evaluation.report.ValidationTable;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.pipeline.ValidationPlan;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep validate}: the held-out validation every setting is chosen by (never the test grid). Trains MeanFlow
 * and MeanFlow + DP on the training grid minus the held-out sigma, once per training seed, on a simulation of its own
 * seed, and scores both at every training sigma against an independent replica, with the noise floor.
 * Writes {@code ROOT/<variant>/validation.csv} (means and sample std over seeds), {@code validation_by_seed.csv} and
 * {@code validation.md}; every stage skips complete work, so an interrupted validation continues where it stopped.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Held-out validation of a setting: train on the training grid minus held-out sigma, score MeanFlow and "
        + "MeanFlow + DP at every training sigma against an independent replica and the noise floor, over seeds.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--holdout", defaultValue = "top", paramLabel = "top|bottom|both",
      description = "Hold out the largest training sigma (top; KS extrapolates upwards), the smallest (bottom; KPP "
          + "extrapolates to smaller D) or both. Default: top.")
  String holdout;

  @Option(names = "--holdout-count", defaultValue = "1", paramLabel = "N",
      description = "How many training sigma to hold out at each chosen end, so extrapolation is scored 1..N grid "
          + "steps beyond the range. Default: 1.")
  int holdoutCount;

  @Option(names = "--models-from", paramLabel = "VARIANT",
      description = "Start each seed from that variant's trained models (same --out): a model whose config hash this "
          + "variant shares is reused instead of retrained, e.g. for variants of sampling settings (dp.trust_width).")
  String modelsFrom;

  @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", paramLabel = "S,S,...",
      description = "Training seeds (training.seed), default 1,2,3.")
  List<Long> seeds;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Name of this setting in the tables (default: baseline without overrides, else a hash of them).")
  String variant;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunContext ctx = options.load();
    ValidationPlan plan = ValidationPlan.of(ctx.sigma().train().values(), ValidationPlan.Holdout.of(holdout),
        holdoutCount);
    for (long s : seeds) {
      if (s <= 0) {
        throw new org.twostep.common.error.InvalidConfigException("--seeds", s, "positive training seeds");
      }
    }
    String name = variant != null ? variant : ValidationPlan.variantName(options.overrides);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new org.twostep.common.error.InvalidConfigException("--variant", name, "letters, digits, '.', '_' or '-'");
    }
    if (modelsFrom != null && (!modelsFrom.matches("[A-Za-z0-9._-]+") || modelsFrom.equals(name))) {
      throw new org.twostep.common.error.InvalidConfigException("--models-from", modelsFrom,
          "another variant's name (letters, digits, '.', '_' or '-')");
    }
    RunStorage storage = RunStorage.open(options.out != null ? options.out
        : ctx.config().getString("experiment.out") + "-validate");
    PrintWriter out = spec.commandLine().getOut();
    long experimentSeed = ctx.config().getLong("experiment.seed");
    long offset = ctx.config().getLong("validate.seed_offset");
    String simulation = storage.location("simulation");
    int code = stage(out, List.of("simulate"), simulation, plan.overrides(experimentSeed, offset, seeds.get(0)));
    if (code != 0) {
      return code;
    }
    List<SeedAggregate.Run> runs = new ArrayList<>();
    for (long seed : seeds) {
      String part = name + "/s" + seed;
      syncTables(storage, "simulation", part);
      if (modelsFrom != null) {
        copyModels(storage, modelsFrom + "/s" + seed, part);
      }
      String run = storage.location(part);
      List<String> extra = plan.overrides(experimentSeed, offset, seed);
      for (List<String> stage : List.of(List.of("simulate"), List.of("train", "--stage", "meanflow"),
          List.of("train", "--stage", "dp"), List.of("generate", "--model", "meanflow"),
          List.of("generate", "--model", "meanflow_dp"), List.of("evaluate", "--no-warm-start"))) {
        code = stage(out, stage, run, extra);
        if (code != 0) {
          return code;
        }
      }
      runs.add(new SeedAggregate.Run(run, seed,
          ReportCommand.metrics(Sessions.get(), storage.location(part + "/metrics"), ctx.experiment()), List.of(),
          java.util.Map.of()));
    }
    // every seed scores against the same simulation, so the first run's floor replicas are everyone's
    List<org.twostep.evaluation.metrics.MetricRow> replicas = Sessions.get().read()
        .parquet(storage.location(name + "/s" + seeds.get(0) + "/metrics"))
        .where(org.apache.spark.sql.functions.col("experiment").equalTo(ctx.experiment())).collectAsList().stream()
        .map(org.twostep.jobs.spark.MetricTables::metricRow).toList();
    List<ValidationTable.Row> rows = ValidationTable.rows(SeedAggregate.w2(runs), plan::isHeldOut,
        org.twostep.evaluation.metrics.FloorReplicas.spread(replicas));
    RunStorage variantDir = RunStorage.open(storage.location(name));
    Path dir = variantDir.local(); // written in the working copy, then pushed (the directory itself when local)
    String table = ValidationTable.markdown(name, rows);
    AtomicFiles.writeString(dir.resolve("validation.csv"), ValidationTable.csv(name, rows));
    AtomicFiles.writeString(dir.resolve("validation_by_seed.csv"), ResultsCsv.w2BySeed(runs));
    AtomicFiles.writeString(dir.resolve("validation.md"), "# Validation of " + ctx.experiment() + ", variant " + name
        + "\n\noverrides: `" + String.join(" ", options.overrides) + "`; held out: "
        + java.util.Arrays.toString(plan.heldOut()) + "; seeds: " + seeds + "; W2sq means ± sample std over seeds\n\n"
        + table);
    variantDir.push("validation.csv", "validation_by_seed.csv", "validation.md");
    out.printf(Locale.ROOT, "validate %s, variant %s (%s), held out %s, seeds %s:%n", ctx.experiment(), name,
        String.join(" ", options.overrides), java.util.Arrays.toString(plan.heldOut()), seeds);
    out.print(table);
    out.printf(Locale.ROOT, "validate %s: -> %s%n", ctx.experiment(), variantDir.location("validation.csv"));
    out.flush();
    return 0;
  }

  /** Runs one stage as its own command on {@code dir}, with the user's overrides and then the plan's. */
  private int stage(PrintWriter out, List<String> stage, String dir, List<String> planOverrides) {
    List<String> args = new ArrayList<>(stage);
    args.addAll(options.asArgs(dir)); // the user's options and overrides (--quiet too), then the plan's
    args.addAll(planOverrides);
    CommandLine cli = Twostep.commandLine();
    cli.setOut(out);
    cli.setErr(spec.commandLine().getErr());
    int code = cli.execute(args.toArray(String[]::new));
    out.flush();
    return code;
  }

  /** Whether a file under a table root is published data or a marker (not staging, temporary or hidden). */
  private static boolean published(String relative) {
    String[] names = relative.split("/");
    for (int i = 0; i < names.length - 1; i++) {
      if (names[i].startsWith("_")) {
        return false; // a staging directory
      }
    }
    String name = names[names.length - 1];
    return name.startsWith("_DONE.") || !(name.startsWith("_") || name.startsWith("."));
  }

  /**
   * Gives a seed's run the models of another variant's run that it lacks, each copied whole
   * ({@link RunStorage#copyWhole}); training then skips those whose config hash matches and retrains the others.
   */
  private static void copyModels(RunStorage root, String fromRun, String run) {
    List<String> models = root.directories(fromRun + "/models");
    if (models == null) {
      throw new org.twostep.common.error.InvalidInputException("--models-from: " + root.location(fromRun + "/models")
          + " does not exist (validate that variant first, with the same --out and --seeds)");
    }
    for (String model : models) {
      if (published(model)) {
        root.copyWhole(fromRun + "/models/" + model, run + "/models/" + model);
      }
    }
  }

  /**
   * Gives a seed's run every unit of the shared simulation it lacks: the published files of each partition, then its
   * {@code _DONE} markers, so a unit is complete in the run only once its data is there (the publish protocol of
   * {@link org.twostep.jobs.spark.PartitionPublisher}); simulate then finds them complete. Staging and temporary files
   * (other underscore names) are left behind. Units the simulation gains later (a new floor replica) are synced too.
   */
  private static void syncTables(RunStorage root, String simulation, String run) {
    for (String table : List.of("particles", "eigenvalues")) {
      root.copyMissing(simulation + "/" + table, run + "/" + table, ValidateCommand::published,
          f -> f.substring(f.lastIndexOf('/') + 1).startsWith("_DONE."));
    }
  }
}
