package org.twostep.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * Writes {@code generated/} (SPEC §7: the particles columns plus {@code model}; then {@code run_id, training_seed}),
 * one unit per (partition, model),
 * atomically through {@link PartitionPublisher}: a model's clouds at every sigma appear together or not at all.
 */
public final class GeneratedTables {
  private GeneratedTables() {}

  /** One generated cloud at one sigma. */
  public record Cloud(double sigma, int sigmaIndex, float[][] columns) {}

  /** Publishes the clouds of one model; replaces that model's earlier clouds at the same partitions. */
  public static void publish(SparkSession spark, RunLayout layout, String experiment, String system, String model,
      List<Cloud> clouds, String configHash, String codeVersion, RunProvenance run) {
    if (clouds.isEmpty()) {
      return;
    }
    int dim = clouds.get(0).columns().length;
    StructType schema = ParticleTables.generated(dim).add(PartitionPublisher.UNIT, DataTypes.StringType, false);
    // the particle columns, the model, the run it came from, then the staging unit
    List<Row> rows = new ArrayList<>();
    List<PartitionPublisher.Unit> units = new ArrayList<>();
    for (Cloud c : clouds) {
      for (Row r : ParticleTables.generatedRows(experiment, system, c.sigma(), c.sigmaIndex(), model, c.columns())) {
        rows.add(ParticleTables.append(r, run.runId(), run.trainingSeed(), model)); // the publishing unit is the model
      }
      units.add(new PartitionPublisher.Unit(experiment, c.sigmaIndex(), model));
    }
    // one task, so one file per cloud: a cloud split over files is read back in the order the file system lists
    // them (random names), and evaluate's sums over it (the moments) would change in the last bits from run to run
    Dataset<Row> df = spark.createDataFrame(rows, schema).coalesce(1);
    PartitionPublisher publisher = new PartitionPublisher(spark, layout.generated());
    publisher.publish(df, units, CompletionMarker.of(configHash, codeVersion).withModel(model));
  }

  /** Whether every listed partition holds this model's clouds for the given config hash. */
  public static boolean isComplete(SparkSession spark, RunLayout layout, String experiment, String model,
      List<Integer> sigmaIndices, String configHash) {
    PartitionPublisher publisher = new PartitionPublisher(spark, layout.generated());
    return sigmaIndices.stream()
        .allMatch(i -> publisher.isComplete(new PartitionPublisher.Unit(experiment, i, model), configHash));
  }
}
