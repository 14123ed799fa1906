package org.twostep.jobs.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.data.TaskKey;
import org.twostep.jobs.cli.RunContext;
import org.twostep.simulation.Simulation;
import org.twostep.simulation.SimulationResult;
import org.twostep.simulation.Simulations;

/**
 * {@code simulate}: one Spark task per (sigma, split), each a pure function of the configuration, so a retried
 * task is bit-identical. Writes {@code particles/} and, for KPP, the reference runs' eigenvalue traces to
 * {@code eigenvalues/}, both published per unit by {@link PartitionPublisher}. Complete units with the same
 * config hash are skipped unless forced.
 */
public final class SimulateJob {
  private SimulateJob() {}

  /** What a run did. */
  public record Summary(int planned, int skipped, int computed, String configHash, double seconds) {}

  /** A task's result as it travels from executor to writer. */
  record TaskOutput(TaskKey key, String system, float[][] columns, double[] generationSums) implements Serializable {}

  public static Summary run(SparkSession spark, RunContext ctx, boolean force, IntConsumer onTaskDone,
      java.util.function.Consumer<List<TaskKey>> onPlan) {
    long start = System.nanoTime();
    Config config = ctx.config();
    String hash = ConfigHash.simulation(config);
    List<TaskKey> planned = SimulationTasks.plan(ctx.experiment(), ctx.sigma(),
        SimulationTasks.floorReplicas(config));
    PartitionPublisher particles = new PartitionPublisher(spark, ctx.layout().particles());
    PartitionPublisher eigen = new PartitionPublisher(spark, ctx.layout().eigenvalues());
    particles.sweepStaging();
    eigen.sweepStaging();
    boolean kpp = config.getString("experiment.system").equals("kpp");
    List<TaskKey> pending = new ArrayList<>();
    for (TaskKey t : planned) {
      boolean done = holds(particles, t, hash) && (!kpp || holds(eigen, t, hash));
      if (force || !done) {
        pending.add(t);
      }
    }
    if (ImportJob.imported(config) && !pending.isEmpty()) {
      throw new org.twostep.common.error.InvalidInputException(ctx.layout().particles() + " lacks " + pending.size()
          + " unit(s) of the imported experiment, e.g. " + pending.get(0) + ": its particles come from `twostep "
          + "import`, not from a simulator (import into a new run directory)");
    }
    onPlan.accept(pending);
    if (!pending.isEmpty()) {
      compute(spark, ctx, hash, pending, particles, eigen, kpp, onTaskDone);
    }
    return new Summary(planned.size(), planned.size() - pending.size(), pending.size(), hash,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * One Spark job per unit ({@link UnitJobs}), which simulates it in one task and publishes its cloud (for KPP first
   * its eigenvalue trace), so a run killed mid-way keeps every unit whose job had ended.
   */
  private static void compute(SparkSession spark, RunContext ctx, String hash, List<TaskKey> pending,
      PartitionPublisher particles, PartitionPublisher eigen, boolean kpp, IntConsumer onTaskDone) {
    String rendered = ctx.config().root().render(ConfigRenderOptions.concise());
    int threads = SimulationTasks.threadsPerTask(ctx.config().getInt("simulate.threads"), spark.sparkContext(),
        pending.size());
    int dim = ctx.config().getInt("experiment.dim");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    StructType schema = ParticleTables.particles(dim);
    int[] done = {0};
    UnitJobs.run(spark, pending, t -> {
      JavaRDD<TaskOutput> output = jsc.parallelize(List.of(t), 1).map(k -> simulate(rendered, threads, k));
      if (kpp) {
        output = output.persist(StorageLevel.MEMORY_AND_DISK()); // read by two writes
      }
      try {
        CompletionMarker marker = CompletionMarker.of(hash, ctx.codeVersion()).withSigma(t.sigma());
        if (kpp) {
          eigen.publishUnit(unit(t), spark.createDataFrame(output.flatMap(o -> eigenRows(o).iterator()), EIGEN_SCHEMA),
              marker);
        }
        particles.publishUnit(unit(t), spark.createDataFrame(output.flatMap(o -> ParticleTables.rows(
            o.key().experiment(), o.system(), o.key().sigma(), o.key().sigmaIndex(), o.key().split().label(),
            o.key().replica(), o.columns()).iterator()), schema), marker);
      } finally {
        output.unpersist(false);
      }
      synchronized (done) {
        onTaskDone.accept(done[0]++);
      }
    });
  }

  /**
   * Runs on an executor with {@code threads} threads (resolved on the driver, {@link SimulationTasks#threadsPerTask}):
   * rebuilds the simulation from the rendered config, so only strings cross the wire.
   */
  static TaskOutput simulate(String renderedConfig, int threads, TaskKey key) {
    Config config = ConfigFactory.parseString(renderedConfig).resolve();
    Simulation sim = Simulations.from(config, threads);
    SimulationResult r = sim.run(key.sigma(), key.replica());
    return new TaskOutput(key, config.getString("experiment.system"), r.columns(), r.trace().values());
  }

  static final StructType EIGEN_SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("experiment", DataTypes.StringType, false),
      DataTypes.createStructField("sigma", DataTypes.DoubleType, false),
      DataTypes.createStructField("sigma_index", DataTypes.IntegerType, false),
      DataTypes.createStructField("split", DataTypes.StringType, false),
      DataTypes.createStructField("start", DataTypes.StringType, false),
      DataTypes.createStructField("generation", DataTypes.IntegerType, false),
      DataTypes.createStructField("mu_generation", DataTypes.DoubleType, false),
      DataTypes.createStructField("mu_n", DataTypes.DoubleType, false),
      DataTypes.createStructField(PartitionPublisher.UNIT, DataTypes.StringType, false)));

  private static List<Row> eigenRows(TaskOutput o) {
    List<Row> rows = new ArrayList<>();
    double cumulative = 0;
    for (int g = 1; g <= o.generationSums().length; g++) {
      cumulative += o.generationSums()[g - 1];
      rows.add(RowFactory.create(o.key().experiment(), o.key().sigma(), o.key().sigmaIndex(), o.key().split().label(),
          "cold", g, o.generationSums()[g - 1], cumulative / g, o.key().split().label()));
    }
    return rows;
  }

  static PartitionPublisher.Unit unit(TaskKey t) {
    return new PartitionPublisher.Unit(t.experiment(), t.sigmaIndex(), t.split().label());
  }

  /** A unit holds this task's cloud: same config hash and same sigma (an extended grid can shift sigma_index). */
  private static boolean holds(PartitionPublisher table, TaskKey t, String hash) {
    CompletionMarker m = table.marker(unit(t));
    return m != null && m.hasHash(hash) && m.hasSigma(t.sigma());
  }

}
