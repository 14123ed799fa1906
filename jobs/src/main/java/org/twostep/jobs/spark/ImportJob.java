package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.cli.RunContext;

/**
 * {@code import}: particles from any simulator (Parquet or CSV: {@code sigma}, optionally {@code split} and
 * {@code replica}, one column per axis named by {@code import.axes}) into a run's {@code particles/}, published per
 * (sigma, split) unit with the markers {@code simulate} writes, so every later stage runs on them unchanged. The input
 * is validated whole before anything is written: a missing or non-finite value, a sigma off the grids, a grid sigma
 * without rows, a split without rows, too few training particles for {@code dp.batch_size}.
 */
public final class ImportJob {

  /** The {@code experiment.system} of imported particles: no simulator, {@code simulate} only finds them complete. */
  public static final String SYSTEM = "imported";

  private ImportJob() {}

  public static boolean imported(com.typesafe.config.Config c) {
    return c.getString("experiment.system").equals(SYSTEM);
  }

  /** What was imported: rows per split and how the splits were made. */
  public record Summary(Map<String, Long> rows, int sigmaCount, String splitsFrom) {}

  public static Summary run(SparkSession spark, RunContext ctx, String from) {
    ImportConfig imp = ImportConfig.from(ctx.config());
    String particles = ctx.layout().particles();
    if (exists(spark, particles)) {
      throw new InvalidInputException(particles + " already exists: import into a new run directory (--out)");
    }
    Dataset<Row> raw = read(spark, from).withColumn("_row", monotonically_increasing_id());
    List<String> columns = Arrays.asList(raw.columns());
    require(columns, "sigma", from, "the sigma of each particle");
    imp.axes().forEach(a -> require(columns, a, from, "a coordinate (import.axes)"));
    checkNumbers(raw, "sigma", from);
    imp.axes().forEach(a -> checkNumbers(raw, a, from));
    boolean hasSplit = columns.contains("split");
    boolean hasReplica = columns.contains("replica");
    if (hasReplica) {
      checkIntegers(raw, "replica", from);
    }
    List<Column> keep = new ArrayList<>(List.of(col("_row"), col("sigma").cast("double").as("sigma"),
        (hasReplica ? col("replica").cast("int") : lit(0)).as("replica")));
    if (hasSplit) {
      keep.add(col("split"));
    }
    imp.axes().forEach(a -> keep.add(col(a)));
    Dataset<Row> df = raw.select(keep.toArray(Column[]::new)); // other columns (say sigma_index) stay out of the joins
    SplitPlan plan = new SplitPlan(ctx.sigma(), imp, from);
    Map<Double, Long> counts = new TreeMap<>();
    df.groupBy("sigma").count().collectAsList().forEach(r -> counts.put(r.getDouble(0), r.getLong(1)));
    plan.matchSigma(counts);
    Dataset<Row> assigned;
    String splitsFrom;
    if (hasSplit) {
      List<String> found = df.select(col("split").cast("string")).distinct().collectAsList().stream()
          .map(r -> r.getString(0)).toList();
      for (String s : found) {
        if (s == null || !SplitPlan.SPLITS.contains(s)) {
          throw new InvalidInputException(from + ": column split holds " + (s == null ? "null" : "\"" + s + "\"")
              + ", expected train, test or reference_b");
        }
      }
      assigned = df.withColumn("split", col("split").cast("string")).join(plan.sigmaTable(spark), "sigma");
      splitsFrom = "column split";
    } else if (hasReplica) {
      Map<Double, List<Integer>> replicas = new TreeMap<>();
      df.select("sigma", "replica").distinct().collectAsList()
          .forEach(r -> replicas.computeIfAbsent(r.getDouble(0), k -> new ArrayList<>()).add(r.getInt(1)));
      assigned = df.join(plan.byReplica(spark, replicas), scalaSeq("sigma", "replica"));
      splitsFrom = "held-out replicas (import.test_replicas, import.reference_b_replicas)";
    } else {
      Dataset<Row> parts = plan.byCut(spark);
      Dataset<Row> withK = df.join(parts.select("sigma", "k").distinct(), "sigma");
      Column rn = row_number().over(Window.partitionBy("sigma").orderBy("_row")).minus(1);
      Column n = count(lit(1)).over(Window.partitionBy("sigma"));
      assigned = withK.withColumn("part", floor(rn.multiply(col("k")).divide(n)).cast("int"))
          .join(parts.drop("k"), scalaSeq("sigma", "part")).drop("replica").withColumnRenamed("part_replica", "replica");
      splitsFrom = "equal parts of each sigma's rows in file order";
    }
    Map<String, Long> bySplit = plan.checkCounts(assigned.groupBy("sigma_index", "split").count().collectAsList(),
        ctx.config());
    publish(spark, ctx, imp, assigned, plan);
    return new Summary(bySplit, counts.size(), splitsFrom);
  }

  private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  private static void publish(SparkSession spark, RunContext ctx, ImportConfig imp, Dataset<Row> assigned,
      SplitPlan plan) {
    Column particle = row_number().over(Window.partitionBy("sigma_index", "split").orderBy("_row")).minus(1);
    List<Column> select = new ArrayList<>(List.of(lit(ctx.experiment()).as("experiment"),
        lit(ctx.config().getString("experiment.system")).as("system"), col("grid_sigma").as("sigma"),
        col("sigma_index"), col("split"), col("replica"), particle.cast("int").as("particle")));
    List<String> axes = ParticleTables.axes(imp.axes().size());
    for (int k = 0; k < axes.size(); k++) {
      select.add(col(imp.axes().get(k)).cast("float").as(axes.get(k)));
    }
    select.add(col("split").as(PartitionPublisher.UNIT));
    Dataset<Row> rows = assigned.select(select.toArray(Column[]::new));
    String hash = ConfigHash.simulation(ctx.config());
    PartitionPublisher publisher = new PartitionPublisher(spark, ctx.layout().particles());
    List<PartitionPublisher.Unit> units = plan.units(ctx.experiment());
    publisher.publish(rows, units, u -> CompletionMarker.of(hash, ctx.codeVersion()).withSigma(plan.sigmaOf(u.sigmaIndex())));
  }

  private static Dataset<Row> read(SparkSession spark, String from) {
    if (!exists(spark, from)) {
      throw new InvalidInputException("no such file or directory: " + from);
    }
    try {
      if (from.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        return spark.read().option("header", true).csv(from);
      }
      return spark.read().parquet(from);
    } catch (RuntimeException e) {
      throw new InvalidInputException(from + ": not readable as " + (from.endsWith(".csv") ? "CSV" : "Parquet")
          + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static void require(List<String> columns, String name, String from, String what) {
    if (!columns.contains(name)) {
      throw new InvalidInputException(from + " has no column " + name + " (" + what + "); columns: " + columns);
    }
  }

  /** Every value of a column is a finite number: else one line naming the column, the value and its sigma. */
  private static void checkNumbers(Dataset<Row> raw, String name, String from) {
    Column v = col(name).cast("double");
    Column bad = v.isNull().or(isnan(v)).or(v.equalTo(Double.POSITIVE_INFINITY))
        .or(v.equalTo(Double.NEGATIVE_INFINITY));
    List<Row> first = raw.where(bad).select(col(name).cast("string"), col("sigma").cast("string")).limit(1)
        .collectAsList();
    if (!first.isEmpty()) {
      Row r = first.get(0);
      throw new InvalidInputException(String.format(Locale.ROOT, "%s: column %s holds %s, expected a finite number%s",
          from, name, r.isNullAt(0) ? "a missing value" : "\"" + r.getString(0) + "\"",
          name.equals("sigma") || r.isNullAt(1) ? "" : " (at sigma " + r.getString(1) + ")"));
    }
  }

  private static void checkIntegers(Dataset<Row> raw, String name, String from) {
    List<Row> first = raw.where(col(name).cast("int").isNull()).select(col(name).cast("string")).limit(1)
        .collectAsList();
    if (!first.isEmpty()) {
      throw new InvalidInputException(from + ": column " + name + " holds "
          + (first.get(0).isNullAt(0) ? "a missing value" : "\"" + first.get(0).getString(0) + "\"")
          + ", expected an integer");
    }
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }
}
