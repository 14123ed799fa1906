package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.cli.RunContext;

/**
 * Writes generated/ tables for tests (training may not be ready): a model's cloud is a simulated split, optionally
 * transformed, with the generated schema (particle columns plus {@code model}), published per (model, sigma) unit
 * with a marker, as generate publishes it.
 */
public final class GeneratedFixtures {
  private GeneratedFixtures() {}

  /** Appends model {@code model} = split {@code split} of particles/, coordinates mapped by {@code map}. */
  public static void write(SparkSession spark, RunContext ctx, String model, String split, UnaryOperator<Dataset<Row>> map) {
    Dataset<Row> p = spark.read().parquet(ctx.layout().particles()).where(col("split").equalTo(split));
    Dataset<Row> g = map.apply(p).withColumn("model", lit(model)).withColumn("split", lit("generated"))
        .withColumn(PartitionPublisher.UNIT, lit(model));
    List<PartitionPublisher.Unit> units = g.select("sigma_index").distinct().collectAsList().stream()
        .map(r -> new PartitionPublisher.Unit(ctx.experiment(), r.getInt(0), model)).toList();
    new PartitionPublisher(spark, ctx.layout().generated()).publish(g, units,
        CompletionMarker.of("fixture", "test").withModel(model));
  }

  /** Adds {@code dx} to column x (kept float32). */
  public static UnaryOperator<Dataset<Row>> shiftX(double dx) {
    return d -> d.withColumn("x", col("x").plus(lit(dx)).cast("float"));
  }

  public static UnaryOperator<Dataset<Row>> where(Column c) {
    return d -> d.where(c);
  }
}
