package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.config.ReportConfig;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.report.AblationTable;
import org.twostep.evaluation.report.Machine;
import org.twostep.evaluation.report.PageCharts;
import org.twostep.evaluation.report.ReportWriter;
import org.twostep.evaluation.report.ResultsCsv;
import org.twostep.evaluation.report.ResultsPage;
import org.twostep.evaluation.report.SeedAggregate;
import org.twostep.evaluation.report.SpeedupTable;
import org.twostep.evaluation.report.StageTiming;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.twostep.jobs.io.RunStorage;

/**
 * {@code twostep publish}: aggregates several seeds' pipeline runs of one experiment into a results page (CSV
 * tables, the W2 plot of the means, the first run's pictures, {@code README.md}) under {@code --dest}. Everything is
 * written into a temporary sibling of {@code --dest}, which then replaces it by moves: a failure leaves the old page.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Aggregate the seeds' pipeline runs of one experiment into a results page in --dest.")
public final class PublishCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment file (HOCON)")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile inside the file: quick | paper")
  String profile;

  @Option(names = "--runs", required = true, split = ",", paramLabel = "DIR[,DIR...]",
      description = "Run directories of `twostep pipeline`, one per seed (paths or Hadoop URIs)")
  List<String> runs = new ArrayList<>();

  @Option(names = "--ablate", paramLabel = "DIR", description = "Run directory holding ablate/ablation.csv")
  String ablate;

  @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Page directory, e.g. docs/results/<experiment>")
  String dest;

  /** The runs, the ablation run and the page through their storage; {@code local}: the runs' working copies. */
  private List<RunStorage> stores;
  private List<Path> local;
  private RunStorage ablationRun;

  @CommandLine.Parameters(paramLabel = "key=value", arity = "0..*", description = "Configuration overrides")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Config c = ConfigLoader.load(config, profile, overrides);
    SigmaCatalogue sigma = SigmaCatalogue.from(c);
    ReportConfig rc = ReportConfig.from(c, sigma);
    stores = runs.stream().map(RunStorage::open).toList();
    ablationRun = ablate == null ? null : RunStorage.open(ablate);
    RunStorage page = RunStorage.open(dest);
    check();
    // what the page takes from a run beside its tables, into the runs' working copies when they are remote
    for (RunStorage r : stores) {
      r.pull(RunRecords.CONFIG, RunRecords.TIMINGS, "models/meanflow/card.json", "plots", BenchSpeedupCommand.DIR);
    }
    if (ablationRun != null) {
      ablationRun.pull("ablate/ablation.csv");
    }
    local = stores.stream().map(RunStorage::local).toList();
    String experiment = c.getString("experiment.name");
    boolean kpp = c.getString("experiment.system").equals("kpp");
    SparkSession spark = Sessions.get();

    List<SeedAggregate.Run> read = new ArrayList<>();
    List<ResultsPage.RunInfo> infos = new ArrayList<>();
    List<StageTiming> timings = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Path run = local.get(i);
      String label = label(i);
      String tables = stores.get(i).location();
      List<MetricRow> metrics = ReportCommand.metrics(spark, tables + "/metrics", experiment);
      if (metrics.isEmpty()) {
        throw new InvalidInputException(tables + "/metrics has no rows of experiment " + experiment
            + ": run `twostep pipeline` with " + config + " first");
      }
      RunRecords.Seed seed = RunRecords.seed(run);
      if (seed == null) {
        seed = new RunRecords.Seed(i + 1, "position " + (i + 1) + " in --runs");
      }
      ReportCommand.WarmStart warm = kpp ? ReportCommand.warmStart(spark, tables + "/eigenvalues",
          experiment) : new ReportCommand.WarmStart(List.of(), Map.of());
      read.add(new SeedAggregate.Run(label, seed.value(), metrics, warm.rows(), warm.reference()));
      Map<String, Double> t = RunRecords.timings(run);
      if (t != null) {
        long s = seed.value();
        t.forEach((stage, seconds) -> timings.add(new StageTiming(label, s, stage, seconds)));
      }
      infos.add(new ResultsPage.RunInfo(label, seed.value(), seed.source(),
          metrics.stream().map(MetricRow::configHash).distinct().sorted().toList(), t != null));
    }

    Path target = page.local().toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path staging = target.resolveSibling("." + target.getFileName() + ".publish-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging);
      write(staging, c, sigma, rc, experiment, read, infos, timings);
      replace(staging, target);
    } finally {
      deleteTree(staging);
    }
    page.push("");
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "publish %s: %d run(s) -> %s%n", experiment, runs.size(),
        page.remote() ? page.location() + "/README.md" : target.resolve("README.md"));
    out.flush();
    return 0;
  }

  /** Bad input before any work: every run has metrics/, --ablate has its CSV. */
  private void check() {
    for (RunStorage run : stores) {
      if (!run.exists("metrics")) {
        throw new InvalidInputException("run directory " + run + " has no metrics/: run `twostep pipeline --out " + run
            + "` first");
      }
    }
    if (ablationRun != null && !ablationRun.exists("ablate/ablation.csv")) {
      throw new InvalidInputException(ablate + "/ablate/ablation.csv"
          + " does not exist: run `twostep ablate --out " + ablate + "` first");
    }
  }

  private void write(Path dir, Config c, SigmaCatalogue sigma, ReportConfig rc, String experiment,
      List<SeedAggregate.Run> read, List<ResultsPage.RunInfo> infos, List<StageTiming> timings) throws IOException {
    List<SeedAggregate.W2Mean> w2 = SeedAggregate.w2(read);
    Files.writeString(dir.resolve("w2_by_seed.csv"), ResultsCsv.w2BySeed(read), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("w2.csv"), ResultsCsv.w2(w2), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("timings.csv"), ResultsCsv.timings(timings), StandardCharsets.UTF_8);
    PageCharts.w2(experiment, w2, sigma.train().min(), sigma.train().max(), ReportCommand.logSigma(sigma), rc.width(), rc.height(),
        dir);
    Path plots = local.get(0).resolve("plots");
    List<String> projections = copyPictures(plots, ReportWriter.PROJECTION_PREFIX, dir);
    List<String> marginals = copyPictures(plots, ReportWriter.MARGINAL_PREFIX, dir);
    List<String> curves = copyPictures(plots, ReportWriter.TRAINING_CURVES, dir);
    List<SeedAggregate.EigenMean> eigen = SeedAggregate.eigen(read);
    List<String> eigenImages = List.of();
    if (!eigen.isEmpty()) {
      Files.writeString(dir.resolve("eigenvalues.csv"), ResultsCsv.eigenvalues(eigen), StandardCharsets.UTF_8);
      eigenImages = PageCharts.eigen(experiment, eigen, rc.width(), rc.height(), dir);
    }
    List<AblationTable.Row> ablation = null;
    if (ablate != null) {
      Path csv = ablationRun.local().resolve("ablate").resolve("ablation.csv");
      Files.copy(csv, dir.resolve("ablation.csv"));
      try {
        ablation = AblationTable.parse(Files.readString(csv, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(csv + ": " + e.getMessage());
      }
    }
    String resolved = null;
    if (Files.isRegularFile(local.get(0).resolve(RunRecords.CONFIG))) {
      resolved = "run.conf";
      Files.copy(local.get(0).resolve(RunRecords.CONFIG), dir.resolve(resolved));
    }
    List<String> given = spec.commandLine().getParseResult().originalArgs(); // the launcher's, command name first
    int from = given.indexOf(spec.name()) + 1;
    String command = "deploy/local/twostep publish " + String.join(" ",
        given.subList(from, given.size()).stream().map(PublishCommand::shellWord).toList());
    ResultsPage.Inputs page = new ResultsPage.Inputs(experiment, command, config.toString(), profile,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), infos, Machine.current(), w2, "w2.png", projections,
        marginals, curves.isEmpty() ? null : curves.get(0), eigen, eigenImages, ablation, timings, resolved);
    Files.writeString(dir.resolve("README.md"), ResultsPage.markdown(page) + "\n" + speedup(dir),
        StandardCharsets.UTF_8);
  }

  /** The first run's {@code bench speedup} tables, copied beside the page, as its speedup section. */
  private String speedup(Path dir) throws IOException {
    Path csv = local.get(0).resolve(BenchSpeedupCommand.DIR).resolve("speedup.csv");
    if (!Files.isRegularFile(csv)) {
      return SpeedupTable.section(null, label(0));
    }
    Files.copy(csv, dir.resolve("speedup.csv"));
    try {
      return SpeedupTable.section(SpeedupTable.parse(Files.readString(csv, StandardCharsets.UTF_8)),
          label(0));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(csv + ": " + e.getMessage());
    }
  }

  /** Copies the run's {@code plots/<prefix>*.png} (a whole name works too) into the page, names kept, in name order. */
  private static List<String> copyPictures(Path plots, String prefix, Path dir) throws IOException {
    if (!Files.isDirectory(plots)) {
      return List.of();
    }
    List<String> names;
    try (Stream<Path> files = Files.list(plots)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".png"))
          .sorted().toList();
    }
    for (String n : names) {
      Files.copy(plots.resolve(n), dir.resolve(n));
    }
    return names;
  }

  /** Moves the staged page into place: the old page aside, the new one in, the old one deleted. */
  private static void replace(Path staging, Path target) throws IOException {
    Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
    boolean hadOld = Files.exists(target);
    if (hadOld) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (hadOld) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    deleteTree(old);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** A run as the page names it: its path, or its URI when remote. */
  private String label(int i) {
    return stores.get(i).remote() ? stores.get(i).location() : local.get(i).toString();
  }

  private static String shellWord(String s) {
    return s.matches("[A-Za-z0-9_./,=:@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
