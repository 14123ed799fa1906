package org.twostep.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one mapping between particle clouds and table rows (SPEC §7): {@code experiment, system, sigma,
 * sigma_index, split, replica, particle} and one float32 column per coordinate ({@code x, y, z, w}).
 * Generated clouds add {@code model}. Partitioned by {@code experiment, sigma_index}.
 */
public final class ParticleTables {
  /** Coordinate column names by axis. */
  public static final List<String> AXES = List.of("x", "y", "z", "w");

  private ParticleTables() {}

  /** The coordinate columns of a d-dimensional cloud. */
  public static List<String> axes(int dim) {
    if (dim < 1 || dim > AXES.size()) {
      throw new IllegalArgumentException("dimension must be 1..4, found " + dim);
    }
    return AXES.subList(0, dim);
  }

  /** Schema of {@code particles/} for a d-dimensional experiment. */
  public static StructType particles(int dim) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("experiment", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("system", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("sigma", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("sigma_index", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("split", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("replica", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("particle", DataTypes.IntegerType, false));
    for (String a : axes(dim)) {
      f.add(DataTypes.createStructField(a, DataTypes.FloatType, false));
    }
    return DataTypes.createStructType(f);
  }

  /** Schema of {@code generated/}: the particles schema plus {@code model}, then the run it came from. */
  public static StructType generated(int dim) {
    return particles(dim).add("model", DataTypes.StringType, false).add("run_id", DataTypes.StringType, false)
        .add("training_seed", DataTypes.LongType, false);
  }

  /** Split of the rows {@code twostep sample} writes. */
  public static final String SAMPLED = "sampled";

  /**
   * Schema of what {@code twostep sample} writes: the particle columns, {@code model} and {@code in_training_range}
   * (false: the cloud is extrapolation).
   */
  public static StructType sampled(int dim) {
    return particles(dim).add("model", DataTypes.StringType, false)
        .add("in_training_range", DataTypes.BooleanType, false);
  }

  /** Rows of one generated cloud: split "generated", replica 0, and the model's name. */
  public static List<Row> generatedRows(String experiment, String system, double sigma, int sigmaIndex, String model,
      float[][] columns) {
    List<Row> base = rows(experiment, system, sigma, sigmaIndex, "generated", 0, columns);
    List<Row> out = new ArrayList<>(base.size());
    for (Row r : base) {
      out.add(append(r, model));
    }
    return out;
  }

  /** A copy of a row with values appended (a column the schema adds after the particle columns). */
  public static Row append(Row row, Object... values) {
    Object[] v = new Object[row.length() + values.length];
    for (int i = 0; i < row.length(); i++) {
      v[i] = row.get(i);
    }
    System.arraycopy(values, 0, v, row.length(), values.length);
    return RowFactory.create(v);
  }

  /** Rows of one cloud given as one float array per axis. */
  public static List<Row> rows(String experiment, String system, double sigma, int sigmaIndex, String split,
      int replica, float[][] columns) {
    int n = columns[0].length;
    int d = columns.length;
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Object[] v = new Object[7 + d];
      v[0] = experiment;
      v[1] = system;
      v[2] = sigma;
      v[3] = sigmaIndex;
      v[4] = split;
      v[5] = replica;
      v[6] = i;
      for (int k = 0; k < d; k++) {
        v[7 + k] = columns[k][i];
      }
      rows.add(RowFactory.create(v));
    }
    return rows;
  }
}
