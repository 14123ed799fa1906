package org.twostep.jobs.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.FrontSpeed;

/**
 * The one mapping between the evaluation's records and table rows: {@code metrics/} (SPEC §7 plus the moment
 * errors), {@code eigenvalues/} (the schema simulate writes), {@code front_speed/}, and collected point lists back to
 * clouds. Tables are partitioned by {@code experiment, sigma_index}; while staging, rows carry the publishing unit.
 */
public final class MetricTables {
  private MetricTables() {}

  /** Schema of {@code metrics/} with the staging unit column last. */
  public static final StructType METRICS = DataTypes.createStructType(List.of(
      field("experiment", DataTypes.StringType), field("model", DataTypes.StringType),
      field("metric", DataTypes.StringType), field("sigma", DataTypes.DoubleType),
      field("sigma_index", DataTypes.IntegerType), field("in_training_range", DataTypes.BooleanType),
      field("w2sq", DataTypes.DoubleType), field("w2", DataTypes.DoubleType), field("bins", DataTypes.IntegerType),
      field("n_reference", DataTypes.LongType), field("n_generated", DataTypes.LongType),
      field("mean_error", DataTypes.DoubleType), field("cov_error", DataTypes.DoubleType),
      field("outside_mass", DataTypes.DoubleType), field("particle_w2sq", DataTypes.DoubleType),
      field("seconds", DataTypes.DoubleType), field("config_hash", DataTypes.StringType),
      field("code_version", DataTypes.StringType), field("run_id", DataTypes.StringType),
      field("training_seed", DataTypes.LongType), field(PartitionPublisher.UNIT, DataTypes.StringType)));

  /** Schema of {@code front_speed/}: one row per (D, lambda) of the scan, the minimiser flagged. */
  public static final StructType FRONT_SPEED = DataTypes.createStructType(List.of(
      field("experiment", DataTypes.StringType), field("sigma", DataTypes.DoubleType),
      field("sigma_index", DataTypes.IntegerType), field("lambda", DataTypes.DoubleType),
      field("mu", DataTypes.DoubleType), field("speed", DataTypes.DoubleType), field("is_min", DataTypes.BooleanType),
      field(PartitionPublisher.UNIT, DataTypes.StringType)));

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  /** A metric row for staging, stamped with the run it came from; its unit is the model. */
  public static Row toRow(MetricRow m, RunProvenance run) {
    return RowFactory.create(m.experiment(), m.model(), m.metric(), m.sigma(), m.sigmaIndex(), m.inTrainingRange(),
        m.w2sq(), m.w2(), m.bins(), m.nReference(), m.nGenerated(), m.meanError(), m.covError(), m.outsideMass(),
        m.particleW2sq(), m.seconds(), m.configHash(), m.codeVersion(), run.runId(), run.trainingSeed(), m.model());
  }

  /**
   * Rows read back from {@code metrics/} as every reader sees them: the floor replicas ({@code noise_floor_b}, ...)
   * folded into their mean {@code noise_floor} row ({@link org.twostep.evaluation.metrics.FloorReplicas}).
   */
  public static List<MetricRow> metricRows(List<Row> rows) {
    return org.twostep.evaluation.metrics.FloorReplicas.fold(rows.stream().map(MetricTables::metricRow).toList());
  }

  /** A row read back from {@code metrics/} (by column name, so the partition columns may come last). */
  public static MetricRow metricRow(Row r) {
    return new MetricRow(r.getString(r.fieldIndex("experiment")), r.getString(r.fieldIndex("model")),
        r.getString(r.fieldIndex("metric")), r.getDouble(r.fieldIndex("sigma")), r.getInt(r.fieldIndex("sigma_index")),
        r.getBoolean(r.fieldIndex("in_training_range")), r.getDouble(r.fieldIndex("w2sq")),
        r.getDouble(r.fieldIndex("w2")), r.getInt(r.fieldIndex("bins")), r.getLong(r.fieldIndex("n_reference")),
        r.getLong(r.fieldIndex("n_generated")), r.getDouble(r.fieldIndex("mean_error")),
        r.getDouble(r.fieldIndex("cov_error")),
        doubleOrNaN(r, "outside_mass"), doubleOrNaN(r, "particle_w2sq"),
        r.getDouble(r.fieldIndex("seconds")),
        r.getString(r.fieldIndex("config_hash")), r.getString(r.fieldIndex("code_version")));
  }

  /** A column added after tables were written: NaN in the older ones. */
  private static double doubleOrNaN(Row r, String column) {
    return java.util.Arrays.asList(r.schema().fieldNames()).contains(column) ? r.getDouble(r.fieldIndex(column))
        : Double.NaN;
  }

  /** A warm-start row in simulate's eigenvalue schema; its unit is {@code warm_start-<start>}. */
  public static Row toRow(EigenRow e) {
    return RowFactory.create(e.experiment(), e.sigma(), e.sigmaIndex(), e.split(), e.start(), e.generation(),
        e.muGeneration(), e.muN(), unit(e.start()));
  }

  /** The publishing unit of a warm start's rows in {@code eigenvalues/}. */
  public static String unit(String start) {
    return "warm_start-" + start;
  }

  public static EigenRow eigenRow(Row r) {
    return new EigenRow(r.getString(r.fieldIndex("experiment")), r.getDouble(r.fieldIndex("sigma")),
        r.getInt(r.fieldIndex("sigma_index")), r.getString(r.fieldIndex("split")), r.getString(r.fieldIndex("start")),
        r.getInt(r.fieldIndex("generation")), r.getDouble(r.fieldIndex("mu_generation")),
        r.getDouble(r.fieldIndex("mu_n")));
  }

  /** The scan of one D as rows; unit {@code front_speed}. */
  public static List<Row> toRows(FrontSpeed f) {
    List<Row> rows = new ArrayList<>();
    FrontSpeed.Point best = f.best();
    for (FrontSpeed.Point p : f.scan()) {
      rows.add(RowFactory.create(f.experiment(), f.sigma(), f.sigmaIndex(), p.lambda(), p.mu(), p.speed(), p == best,
          "front_speed"));
    }
    return rows;
  }

  /**
   * A cloud from collected {@code struct(particle, x, y[, z[, w]])} rows, ordered by particle so the cloud does not
   * depend on how Spark gathered them.
   */
  public static ParticleCloud cloud(List<Row> points, int dim) {
    List<Row> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingInt(p -> p.getInt(0)));
    double[] c = new double[sorted.size() * dim];
    for (int i = 0; i < sorted.size(); i++) {
      Row p = sorted.get(i);
      for (int k = 0; k < dim; k++) {
        c[i * dim + k] = p.getFloat(1 + k);
      }
    }
    return ParticleCloud.ofRowMajor(dim, c);
  }
}
