package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.config.WarmStartConfig;
import org.twostep.evaluation.warmstart.FrontSpeed;
import org.twostep.evaluation.warmstart.Start;
import org.twostep.evaluation.warmstart.WarmStartStudy;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.pipeline.StageProgress;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.SimulationSetup;

/**
 * The KPP warm-start study (SPEC §6) as a Spark job: one task per (test D, start), each running the Feynman-Kac
 * system for {@code warm_start.generations} from the cold cloud or from the generated cloud of that start's model.
 * Rows go to {@code eigenvalues/} (split {@code warm_start}, unit {@code warm_start-<start>}) beside simulate's
 * long-run reference; with a {@code warm_start.lambda_grid}, one more task per D scans lambda into
 * {@code front_speed/}. Units complete with the same config hash are skipped.
 */
public final class EigenvalueStudyJob {
  private EigenvalueStudyJob() {}

  /**
   * What a run did (all zero for a KS experiment, which has no eigenvalue); {@code absentStarts} are the starts left
   * out because their model is in none of generated/ (the pipeline did not train it).
   */
  public record Summary(int planned, int skipped, int computed, String configHash, double seconds,
      List<String> absentStarts) {}

  /** One task: a start at one D, with its initial cloud (row-major; null for the cold start and the scan). */
  record Task(double sigma, int sigmaIndex, String start, int dim, double[] initial) implements Serializable {}

  static final String SCAN = "front_speed";

  /**
   * The hash of what the study depends on: everything but the report, the metric choice and run-time knobs, plus the
   * revision of how the models whose clouds start it are sampled.
   */
  public static String configHash(Config config) {
    Config c = org.twostep.jobs.pipeline.Models.withSamplingRevision(config);
    TreeSet<String> sections = new TreeSet<>(c.root().keySet());
    sections.removeAll(Set.of("report", "evaluate", "simulate", "pipeline", "ablate", "import"));
    return ConfigHash.of(c, sections.toArray(String[]::new));
  }

  /** Where the lambda scan goes. */
  public static String frontSpeedTable(RunContext ctx) {
    return ctx.layout().root() + "/front_speed";
  }

  public static Summary run(SparkSession spark, RunContext ctx, boolean force) {
    return run(spark, ctx, force, StageProgress.NONE);
  }

  /** As {@link #run(SparkSession, RunContext, boolean)}, one unit per warm-start run. */
  public static Summary run(SparkSession spark, RunContext ctx, boolean force, StageProgress progress) {
    long t0 = System.nanoTime();
    Config config = ctx.config();
    String hash = configHash(config);
    if (!config.getString("experiment.system").equals("kpp")) {
      return new Summary(0, 0, 0, hash, 0, List.of());
    }
    WarmStartConfig ws = WarmStartConfig.from(config);
    int dim = config.getInt("experiment.dim");
    String experiment = ctx.experiment();
    double[] test = ctx.sigma().test().values();
    Map<String, ParticleCloud> initial = initialClouds(spark, ctx, ws, test, dim);
    List<String> absent = new ArrayList<>();
    for (Start s : ws.starts()) {
      if (s.model() != null && !initial.containsKey(s.model() + "@" + ctx.sigma().indexOf(test[0]))) {
        absent.add(s.label());
      }
    }
    PartitionPublisher eigen = new PartitionPublisher(spark, ctx.layout().eigenvalues());
    PartitionPublisher scan = new PartitionPublisher(spark, frontSpeedTable(ctx));
    eigen.sweepStaging();
    scan.sweepStaging();
    List<Task> planned = new ArrayList<>();
    for (double d : test) {
      int index = ctx.sigma().indexOf(d);
      for (Start s : ws.starts()) {
        if (absent.contains(s.label())) {
          continue;
        }
        ParticleCloud c = s == Start.COLD ? null : initial.get(s.model() + "@" + index);
        planned.add(new Task(d, index, s.label(), dim, c == null ? null : c.toRowMajor()));
      }
      if (ws.lambdaGrid().length > 0) {
        planned.add(new Task(d, index, SCAN, dim, null));
      }
    }
    List<Task> pending = new ArrayList<>();
    for (Task t : planned) {
      PartitionPublisher p = t.start().equals(SCAN) ? scan : eigen;
      if (force || !p.isComplete(unit(experiment, t), hash)) {
        pending.add(t);
      }
    }
    if (!pending.isEmpty()) {
      progress.started(0, pending.size());
      int[] done = {0};
      TaskProgressListener listener = new TaskProgressListener(pending.size(), i -> progress.advanced(++done[0]), true);
      spark.sparkContext().addSparkListener(listener);
      try {
        compute(spark, ctx, hash, pending, eigen, scan);
      } finally {
        spark.sparkContext().removeSparkListener(listener);
      }
    }
    return new Summary(planned.size(), planned.size() - pending.size(), pending.size(), hash,
        (System.nanoTime() - t0) / 1e9, absent);
  }

  private static void compute(SparkSession spark, RunContext ctx, String hash, List<Task> pending,
      PartitionPublisher eigen, PartitionPublisher scan) {
    String rendered = ctx.config().root().render(ConfigRenderOptions.concise());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<Row>> results = jsc.parallelize(pending, pending.size()).map(t -> runTask(rendered, t)).collect();
    List<Row> eigenRows = new ArrayList<>();
    List<Row> scanRows = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      (pending.get(i).start().equals(SCAN) ? scanRows : eigenRows).addAll(results.get(i));
    }
    CompletionMarker marker = CompletionMarker.of(hash, ctx.codeVersion());
    List<PartitionPublisher.Unit> eigenUnits = pending.stream().filter(t -> !t.start().equals(SCAN))
        .map(t -> unit(ctx.experiment(), t)).toList();
    if (!eigenUnits.isEmpty()) {
      eigen.publish(spark.createDataFrame(eigenRows, SimulateJob.EIGEN_SCHEMA).coalesce(1), eigenUnits, marker);
    }
    List<PartitionPublisher.Unit> scanUnits = pending.stream().filter(t -> t.start().equals(SCAN))
        .map(t -> unit(ctx.experiment(), t)).toList();
    if (!scanUnits.isEmpty()) {
      scan.publish(spark.createDataFrame(scanRows, MetricTables.FRONT_SPEED).coalesce(1), scanUnits, marker);
    }
  }

  /** Runs on an executor: rebuilds the study from the rendered config, one thread (Spark runs tasks side by side). */
  static List<Row> runTask(String renderedConfig, Task t) {
    Config c = ConfigFactory.parseString(renderedConfig).resolve();
    SimulationSetup setup = SimulationSetup.from(c);
    WarmStartStudy study = new WarmStartStudy(setup, KppConfig.from(c, setup.dim()), WarmStartConfig.from(c), 1);
    if (t.start().equals(SCAN)) {
      FrontSpeed f = study.frontSpeed(t.sigma(), t.sigmaIndex());
      return MetricTables.toRows(f);
    }
    Start start = Start.of(t.start(), "warm_start.starts");
    ParticleCloud init = t.initial() == null ? study.coldStart() : ParticleCloud.ofRowMajor(t.dim(), t.initial());
    return study.run(t.sigma(), t.sigmaIndex(), start, init).stream().map(MetricTables::toRow).toList();
  }

  /**
   * The generated clouds the warm starts need, by "model@sigma_index". A model in none of generated/ is left out (its
   * start is skipped); one present at some test D but missing at another is bad input naming model and sigma.
   */
  private static Map<String, ParticleCloud> initialClouds(SparkSession spark, RunContext ctx, WarmStartConfig ws,
      double[] test, int dim) {
    Set<String> models = new TreeSet<>();
    for (Start s : ws.starts()) {
      if (s.model() != null) {
        models.add(s.model());
      }
    }
    Map<String, ParticleCloud> clouds = new HashMap<>();
    if (models.isEmpty()) {
      return clouds;
    }
    Dataset<Row> g = PartitionPublisher.read(spark, ctx.layout().generated(), ctx.experiment(), "generate")
        .where(col("model").isin(models.toArray()));
    List<String> axes = ParticleTables.axes(dim);
    Map<String, List<Row>> points = new HashMap<>();
    List<org.apache.spark.sql.Column> cols = new ArrayList<>(List.of(col("model"), col("sigma_index").cast("int"),
        col("particle").cast("int")));
    axes.forEach(a -> cols.add(col(a).cast("float")));
    for (Row r : g.select(cols.toArray(org.apache.spark.sql.Column[]::new)).collectAsList()) {
      Object[] v = new Object[1 + dim];
      for (int k = 0; k <= dim; k++) {
        v[k] = r.get(2 + k);
      }
      points.computeIfAbsent(r.getString(0) + "@" + r.getInt(1), k -> new ArrayList<>())
          .add(org.apache.spark.sql.RowFactory.create(v));
    }
    for (String m : models) {
      if (points.keySet().stream().noneMatch(k -> k.startsWith(m + "@"))) {
        continue;
      }
      for (double d : test) {
        String key = m + "@" + ctx.sigma().indexOf(d);
        if (!points.containsKey(key)) {
          throw new InvalidInputException("warm_start.starts needs model " + m + " at sigma " + d + " (sigma_index "
              + ctx.sigma().indexOf(d) + "), which generated/ lacks");
        }
        clouds.put(key, MetricTables.cloud(points.get(key), dim));
      }
    }
    return clouds;
  }

  static PartitionPublisher.Unit unit(String experiment, Task t) {
    return new PartitionPublisher.Unit(experiment, t.sigmaIndex(),
        t.start().equals(SCAN) ? SCAN : MetricTables.unit(t.start()));
  }
}
