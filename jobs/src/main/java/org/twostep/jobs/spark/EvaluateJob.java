package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.metrics.EvalTask;
import org.twostep.evaluation.metrics.EvaluationPlan;
import org.twostep.evaluation.metrics.MetricComputation;
import org.twostep.evaluation.metrics.MetricContext;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.MomentErrors;
import org.twostep.evaluation.metrics.Moments;
import org.twostep.evaluation.metrics.Models;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.pipeline.StageProgress;

/**
 * {@code evaluate} (SPEC §6): groups the test reference by sigma and the generated clouds (plus each floor replica,
 * reference_b, reference_c, ..., as noise_floor_b, ...) by (model, sigma), joins them on sigma and computes each
 * pair's distance in the executors, one task per pair and one job per sigma. Moment errors come from Spark MLlib's
 * {@code Summarizer} over the points (mean of {@code x} and of the products {@code x_i x_j}). Rows are published into
 * {@code metrics/} per (sigma, model) unit as their sigma's job ends; units complete with the same config hash are
 * skipped.
 */
public final class EvaluateJob {
  private EvaluateJob() {}

  /** What a run did; {@code rows} are every row of the experiment now in metrics/. */
  public record Summary(int planned, int skipped, int computed, String configHash, double seconds,
      List<MetricRow> rows) {}

  /**
   * The hash of everything the metrics depend on: every section (upstream stages decide the clouds) but the report's,
   * the warm-start study's, and the launcher's own (run-time threads, the pipeline's model list, ablations, and
   * `import`'s, which only acts once, into a fresh run: leaving it out keeps the hashes of every existing run); plus the
   * revision of how models are sampled.
   */
  public static String configHash(Config config) {
    Config c = org.twostep.jobs.pipeline.Models.withSamplingRevision(config);
    TreeSet<String> sections = new TreeSet<>(c.root().keySet());
    sections.removeAll(Set.of("report", "warm_start", "simulate", "pipeline", "ablate", "sigma", "import"));
    sections.addAll(Set.of("sigma.train", "sigma.transform")); // not the test grid: a unit is one test sigma
    return ConfigHash.of(c, sections.toArray(String[]::new));
  }

  public static Summary run(SparkSession spark, RunContext ctx, boolean force) {
    return run(spark, ctx, force, StageProgress.NONE);
  }

  /** As {@link #run(SparkSession, RunContext, boolean)}, one unit per (model, sigma) pair measured. */
  public static Summary run(SparkSession spark, RunContext ctx, boolean force, StageProgress progress) {
    return run(spark, ctx, force, progress, null, 0);
  }

  /**
   * As {@link #run(SparkSession, RunContext, boolean, StageProgress)}, measuring only the pairs of the models in
   * {@code only} (null: every planned model; {@link Models#NOISE_FLOOR} names every floor replica, which needs nothing
   * generated yet), at most {@code maxTasks} pairs at once (0: as many as Spark runs). The pipeline measures each model
   * as soon as it is generated, beside other stages; a pair's result does not depend on which run measured it. Only a
   * run of everything sweeps staging directories: a partial one may run beside another.
   */
  public static Summary run(SparkSession spark, RunContext ctx, boolean force, StageProgress progress,
      Set<String> only, int maxTasks) {
    long start = System.nanoTime();
    Config config = ctx.config();
    EvaluateConfig eval = EvaluateConfig.from(config);
    int dim = config.getInt("experiment.dim");
    String experiment = ctx.experiment();
    String hash = configHash(config);
    boolean floorsOnly = only != null && only.stream().allMatch(m -> m.equals(Models.NOISE_FLOOR));
    Dataset<Row> particles = PartitionPublisher.read(spark, ctx.layout().particles(), experiment, "simulate");
    List<String> axes = ParticleTables.axes(dim);
    checkColumns(particles, axes, ctx.layout().particles());
    Dataset<Row> floorPoints = particles.where(col("split").startsWith(FLOOR_SPLIT_PREFIX))
        .withColumn("model", org.apache.spark.sql.functions.concat(lit(Models.NOISE_FLOOR_REPLICA),
            org.apache.spark.sql.functions.substring_index(col("split"), "_", -1)))
        .select(pointColumns("model", axes));
    Dataset<Row> generated = floorsOnly ? null
        : PartitionPublisher.read(spark, ctx.layout().generated(), experiment, "generate");
    if (generated != null) {
      checkColumns(generated, axes, ctx.layout().generated());
    }
    Dataset<Row> candidates = generated == null ? floorPoints
        : generated.select(pointColumns("model", axes)).unionByName(floorPoints);

    Dataset<Row> test = particles.where(col("split").equalTo("test"));
    // with --only the plan requires those models alone: another may still be generating, one sigma at a time
    List<String> required = only == null ? eval.models()
        : only.stream().filter(m -> !m.equals(Models.NOISE_FLOOR)).sorted().toList();
    List<EvalTask> plan = plan(test, particles, generated, required);
    if (only != null) {
      plan = plan.stream().filter(t -> only.contains(t.model())
          || (only.contains(Models.NOISE_FLOOR) && Models.isFloorReplica(t.model()))).toList();
    }

    PartitionPublisher metrics = new PartitionPublisher(spark, ctx.layout().metrics());
    if (only == null) {
      metrics.sweepStaging();
    }
    List<EvalTask> pending = new ArrayList<>();
    for (EvalTask t : plan) {
      if (force || !metrics.isComplete(unit(experiment, t), hash)) {
        pending.add(t);
      }
    }
    if (!pending.isEmpty()) {
      progress.started(0, pending.size());
      MomentTable moments = moments(test, candidates, axes);
      CompletionMarker marker = CompletionMarker.of(hash, ctx.codeVersion());
      MeasureContext mc = measureContext(ctx, eval, hash, pending);
      // a limit holds one sigma's job at a time, its pairs in at most maxTasks tasks
      int tasksPerJob = maxTasks > 0 ? maxTasks : Integer.MAX_VALUE;
      int[] done = {0};
      UnitJobs.run(spark, bySigma(pending), maxTasks > 0 ? 1 : 0, pairs -> {
        List<PartitionPublisher.Unit> units = pairs.stream().map(t -> unit(experiment, t)).toList();
        metrics.publish(measured(spark, mc, test, candidates, axes, pairs, moments, tasksPerJob), units, marker);
        synchronized (done) {
          done[0] += pairs.size();
          progress.advanced(done[0]);
        }
      });
    }
    List<MetricRow> all = readRows(spark, ctx, plan);
    return new Summary(plan.size(), plan.size() - pending.size(), pending.size(), hash,
        (System.nanoTime() - start) / 1e9, all);
  }

  /** The rows of the planned pairs as published, ordered by model then sigma, the floor replicas folded. */
  private static List<MetricRow> readRows(SparkSession spark, RunContext ctx, List<EvalTask> plan) {
    Set<String> keys = new HashSet<>();
    for (EvalTask t : plan) {
      keys.add(t.model() + "@" + t.sigmaIndex());
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(ctx.layout().metrics()).where(col("experiment").equalTo(ctx.experiment()))
        .orderBy("model", "sigma_index").collectAsList()) {
      if (keys.contains(r.getString(r.fieldIndex("model")) + "@" + r.getInt(r.fieldIndex("sigma_index")))) {
        rows.add(r);
      }
    }
    return MetricTables.metricRows(rows);
  }

  /** The pairs to measure; with {@code generated} null, the floor replicas' alone. */
  private static List<EvalTask> plan(Dataset<Row> test, Dataset<Row> particles, Dataset<Row> generated,
      List<String> models) {
    Map<Integer, Double> reference = new HashMap<>();
    for (Row r : test.select("sigma_index", "sigma").distinct().collectAsList()) {
      reference.put(r.getInt(0), r.getDouble(1));
    }
    Map<String, Set<Integer>> floors = new HashMap<>();
    for (Row r : particles.where(col("split").startsWith(FLOOR_SPLIT_PREFIX)).select("split", "sigma_index").distinct()
        .collectAsList()) {
      floors.computeIfAbsent(Models.floorReplica(r.getString(0)), k -> new HashSet<>()).add(r.getInt(1));
    }
    if (generated == null) {
      return EvaluationPlan.floors(reference, floors);
    }
    List<EvalTask> found = new ArrayList<>();
    for (Row r : generated.select("model", "sigma", "sigma_index").distinct().collectAsList()) {
      found.add(new EvalTask(r.getString(0), r.getDouble(1), r.getInt(2)));
    }
    return EvaluationPlan.plan(reference, floors, found, models);
  }

  /** The splits of the floor replicas: reference_b, reference_c, ... */
  private static final String FLOOR_SPLIT_PREFIX = "reference_";

  /** What every unit's measurement needs besides its clouds; serializable, it travels into the tasks. */
  private record MeasureContext(EvaluateConfig eval, MetricContext metrics, Map<Integer, Boolean> inRange, int dim,
      RunProvenance run) implements java.io.Serializable {}

  private static MeasureContext measureContext(RunContext ctx, EvaluateConfig eval, String hash,
      List<EvalTask> pending) {
    SigmaCatalogue sigma = ctx.sigma();
    HashMap<Integer, Boolean> inRange = new HashMap<>();
    for (EvalTask t : pending) {
      inRange.put(t.sigmaIndex(), sigma.inTrainingRange(t.sigma()));
    }
    long root = Seeds.derive(ctx.config().getLong("experiment.seed"), Seeds.coordinate(ctx.experiment()));
    return new MeasureContext(eval, new MetricContext(ctx.experiment(), hash, ctx.codeVersion(), root), inRange,
        ctx.config().getInt("experiment.dim"), RunProvenance.of(ctx));
  }

  /** The pending pairs by sigma, in sigma order, each sigma's models sorted: one Spark job per sigma. */
  private static List<List<EvalTask>> bySigma(List<EvalTask> pending) {
    Map<Integer, List<EvalTask>> groups = new java.util.TreeMap<>();
    for (EvalTask t : pending) {
      groups.computeIfAbsent(t.sigmaIndex(), k -> new ArrayList<>()).add(t);
    }
    groups.values().forEach(g -> g.sort(java.util.Comparator.comparing(EvalTask::model)));
    return new ArrayList<>(groups.values());
  }

  /**
   * The metric rows of the pairs of one sigma as a table with one task per pair (at most {@code maxTasks}): the test
   * reference at that sigma and each candidate cloud (partition pruning reads only that sigma's files) are gathered,
   * and each candidate is sent, with the reference, to the task of its own index. One job per sigma, not per pair:
   * the job's planning, the reference's read and the write are paid once for all its models (about 1 s a pair, which
   * was more than the measurement itself).
   */
  private static Dataset<Row> measured(SparkSession spark, MeasureContext mc, Dataset<Row> test,
      Dataset<Row> candidates, List<String> axes, List<EvalTask> pairs, MomentTable moments, int maxTasks) {
    int sigmaIndex = pairs.get(0).sigmaIndex();
    HashMap<String, Integer> slot = new HashMap<>(); // model -> its task
    HashMap<String, MomentErrors> errors = new HashMap<>();
    for (EvalTask t : pairs) {
      slot.put(t.model(), slot.size());
      errors.put(t.model(), MomentErrors.between(moments.reference().get(sigmaIndex),
          moments.generated().get(t.model() + "@" + sigmaIndex)));
    }
    Dataset<Row> ref = test.where(col("sigma_index").equalTo(sigmaIndex))
        .agg(collect_list(struct(pointStruct(axes))).as("reference"));
    Dataset<Row> gen = candidates.where(col("sigma_index").equalTo(sigmaIndex).and(col("model")
        .isin(slot.keySet().toArray()))).groupBy("model").agg(collect_list(struct(pointStruct(axes))).as("generated"));
    List<EvalTask> tasks = List.copyOf(pairs);
    return spark.createDataFrame(gen.crossJoin(ref).javaRDD()
        .mapToPair(r -> new scala.Tuple2<>(slot.get(r.getString(r.fieldIndex("model"))), r))
        .partitionBy(new org.apache.spark.HashPartitioner(Math.min(tasks.size(), maxTasks))) // index k to task k
        .map(kr -> {
          Row r = kr._2();
          EvalTask task = tasks.get(kr._1());
          return MetricTables.toRow(MetricComputation.measure(mc.eval(), mc.metrics(), task,
              mc.inRange().get(sigmaIndex), MetricTables.cloud(r.getList(r.fieldIndex("reference")), mc.dim()),
              MetricTables.cloud(r.getList(r.fieldIndex("generated")), mc.dim()))
              .withMoments(errors.get(task.model())), mc.run());
        }), MetricTables.METRICS);
  }

  /** Moments of each reference sigma, and of each candidate by {@code model@sigma_index}. */
  private record MomentTable(Map<Integer, Moments> reference, Map<String, Moments> generated) {}

  private static MomentTable moments(Dataset<Row> test, Dataset<Row> candidates, List<String> axes) {
    Map<String, Moments> gen = new HashMap<>();
    for (Row r : summarize(candidates, axes, "model", "sigma_index").collectAsList()) {
      gen.put(r.getString(0) + "@" + r.getInt(1), moments(r.getAs("m"), axes.size()));
    }
    Map<Integer, Moments> ref = new HashMap<>();
    for (Row r : summarize(test, axes, "sigma_index").collectAsList()) {
      ref.put(r.getInt(0), moments(r.getAs("m"), axes.size()));
    }
    return new MomentTable(ref, gen);
  }

  private static Dataset<Row> summarize(Dataset<Row> points, List<String> axes, String... keys) {
    List<String> inputs = new ArrayList<>();
    Dataset<Row> d = points;
    for (String a : axes) {
      d = d.withColumn("m_" + a, col(a).cast("double"));
      inputs.add("m_" + a);
    }
    for (int i = 0; i < axes.size(); i++) {
      for (int j = i; j < axes.size(); j++) {
        String name = "m_" + axes.get(i) + axes.get(j);
        d = d.withColumn(name, col(axes.get(i)).cast("double").multiply(col(axes.get(j)).cast("double")));
        inputs.add(name);
      }
    }
    Dataset<Row> features = new VectorAssembler().setInputCols(inputs.toArray(String[]::new))
        .setOutputCol("features").transform(d);
    Column[] groups = java.util.Arrays.stream(keys).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    return features.groupBy(groups).agg(Summarizer.mean(col("features")).as("m"));
  }

  private static Moments moments(Vector v, int dim) {
    double[] all = v.toArray();
    return Moments.ofRaw(java.util.Arrays.copyOfRange(all, 0, dim), java.util.Arrays.copyOfRange(all, dim, all.length));
  }

  private static Column[] pointColumns(String model, List<String> axes) {
    List<Column> c = new ArrayList<>(List.of(col(model), col("sigma").cast("double").as("sigma"),
        col("sigma_index").cast("int").as("sigma_index"), col("particle").cast("int").as("particle")));
    axes.forEach(a -> c.add(col(a).cast("float").as(a)));
    return c.toArray(Column[]::new);
  }

  private static Column[] pointStruct(List<String> axes) {
    List<Column> c = new ArrayList<>(List.of(col("particle")));
    axes.forEach(a -> c.add(col(a)));
    return c.toArray(Column[]::new);
  }

  private static void checkColumns(Dataset<Row> table, List<String> axes, String name) {
    Set<String> have = new HashSet<>(List.of(table.columns()));
    for (String a : axes) {
      if (!have.contains(a)) {
        throw new InvalidInputException(String.format(Locale.ROOT, "%s has no coordinate column %s (columns: %s)",
            name, a, have));
      }
    }
  }

  static PartitionPublisher.Unit unit(String experiment, EvalTask t) {
    return unit(experiment, t.model(), t.sigmaIndex());
  }

  static PartitionPublisher.Unit unit(String experiment, String model, int sigmaIndex) {
    return new PartitionPublisher.Unit(experiment, sigmaIndex, model);
  }
}
