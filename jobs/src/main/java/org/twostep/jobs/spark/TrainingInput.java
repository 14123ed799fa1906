package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.data.InMemoryTrainingData;

/**
 * Reads one split of {@code particles/} with Spark, from any storage Spark reads (local, {@code hdfs://},
 * {@code s3a://}), and hands it to the driver in columnar form: each Spark task packs its rows into one float array per
 * (sigma, axis) plus the particle keys, so no row objects cross to the driver. The driver orders each sigma's
 * particles by (replica, particle), the order simulate writes them, and builds the row-major arrays the trainers take.
 * Only published units (with a marker) are read.
 */
public final class TrainingInput {
  private TrainingInput() {}

  /** What was loaded and how long it took. */
  public record Loaded(InMemoryTrainingData data, long rows, double seconds) {}

  /** The train split of {@code experiment}, restricted to the training sigma (matched to a relative 1e-9). */
  public static Loaded readTrain(SparkSession spark, String particles, String experiment, int dim,
      double[] trainingSigma) {
    return read(spark, particles, experiment, dim, "train", trainingSigma);
  }

  /** One split ({@code train | test | reference_b}) grouped by sigma, restricted to {@code sigmaFilter} unless null. */
  public static Loaded read(SparkSession spark, String particles, String experiment, int dim, String split,
      double[] sigmaFilter) {
    long t0 = System.nanoTime();
    List<String> axes = ParticleTables.axes(dim);
    Dataset<Row> published = new PartitionPublisher(spark, particles).read(experiment);
    if (published == null) {
      throw new InvalidInputException("particles table " + particles + " has no published unit of " + experiment
          + " (run `twostep simulate` first)");
    }
    for (String a : axes) {
      if (!Arrays.asList(published.columns()).contains(a)) {
        throw new InvalidInputException("particles table " + particles + " has no column `" + a + "`");
      }
    }
    Dataset<Row> rows = published.where(col("split").equalTo(split));
    if (sigmaFilter != null) {
      rows = rows.where(onGrid(sigmaFilter));
    }
    List<Column> select = new ArrayList<>(List.of(col("sigma").cast("double"), col("replica").cast("int"),
        col("particle").cast("int")));
    axes.forEach(a -> select.add(col(a).cast("float")));
    List<Chunk> chunks = rows.select(select.toArray(Column[]::new)).javaRDD()
        .mapPartitions(it -> Chunk.pack(it, dim).iterator()).collect();
    TreeMap<Double, float[]> bySigma = assemble(chunks, dim, particles);
    if (bySigma.isEmpty()) {
      throw new InvalidInputException("particles table " + particles + " has no " + split + " rows of " + experiment
          + (sigmaFilter == null ? "" : " at the sigma " + Arrays.toString(sigmaFilter)));
    }
    long n = bySigma.values().stream().mapToLong(r -> r.length / dim).sum();
    return new Loaded(new InMemoryTrainingData(dim, bySigma), n, (System.nanoTime() - t0) * 1e-9);
  }

  private static Column onGrid(double[] grid) {
    Column any = lit(false);
    for (double s : grid) {
      any = any.or(abs(col("sigma").minus(s)).leq(greatest(abs(col("sigma")), lit(Math.abs(s))).multiply(1e-9)));
    }
    return any;
  }

  /** Each sigma's rows, ordered by (replica, particle), row-major. */
  private static TreeMap<Double, float[]> assemble(List<Chunk> chunks, int dim, String table) {
    Map<Double, List<Chunk>> groups = new HashMap<>();
    chunks.forEach(c -> groups.computeIfAbsent(c.sigma(), s -> new ArrayList<>()).add(c));
    TreeMap<Double, float[]> out = new TreeMap<>();
    for (Map.Entry<Double, List<Chunk>> g : groups.entrySet()) {
      List<long[]> keys = new ArrayList<>(); // (replica << 32 | particle, chunk, row)
      List<Chunk> parts = g.getValue();
      for (int c = 0; c < parts.size(); c++) {
        Chunk ch = parts.get(c);
        for (int i = 0; i < ch.size(); i++) {
          keys.add(new long[] {((long) ch.replica()[i] << 32) | (ch.particle()[i] & 0xffffffffL), c, i});
        }
      }
      keys.sort(Comparator.comparingLong(k -> k[0]));
      float[] rows = new float[keys.size() * dim];
      for (int r = 0; r < keys.size(); r++) {
        Chunk ch = parts.get((int) keys.get(r)[1]);
        int i = (int) keys.get(r)[2];
        for (int k = 0; k < dim; k++) {
          float v = ch.columns()[k][i];
          if (!Float.isFinite(v)) {
            throw new InvalidInputException("particles table " + table + " has a non-finite `"
                + ParticleTables.AXES.get(k) + "` at sigma " + g.getKey() + ", particle " + ch.particle()[i]);
          }
          rows[r * dim + k] = v;
        }
      }
      out.put(g.getKey(), rows);
    }
    return out;
  }

  /** One task's rows of one sigma, columnar. */
  record Chunk(double sigma, int[] replica, int[] particle, float[][] columns) implements Serializable {
    int size() {
      return particle.length;
    }

    static List<Chunk> pack(java.util.Iterator<Row> it, int dim) {
      Map<Double, Builder> open = new HashMap<>();
      while (it.hasNext()) {
        Row r = it.next();
        open.computeIfAbsent(r.getDouble(0), s -> new Builder(dim)).add(r);
      }
      List<Chunk> out = new ArrayList<>();
      open.forEach((s, b) -> out.add(b.build(s)));
      return out;
    }
  }

  /** Growable columns of one sigma within one task. */
  private static final class Builder {
    private int n;
    private int[] replica = new int[1024];
    private int[] particle = new int[1024];
    private final float[][] columns;

    Builder(int dim) {
      columns = new float[dim][1024];
    }

    void add(Row r) {
      if (n == particle.length) {
        replica = Arrays.copyOf(replica, 2 * n);
        particle = Arrays.copyOf(particle, 2 * n);
        for (int k = 0; k < columns.length; k++) {
          columns[k] = Arrays.copyOf(columns[k], 2 * n);
        }
      }
      replica[n] = r.getInt(1);
      particle[n] = r.getInt(2);
      for (int k = 0; k < columns.length; k++) {
        columns[k][n] = r.getFloat(3 + k);
      }
      n++;
    }

    Chunk build(double sigma) {
      float[][] c = new float[columns.length][];
      for (int k = 0; k < c.length; k++) {
        c[k] = Arrays.copyOf(columns[k], n);
      }
      return new Chunk(sigma, Arrays.copyOf(replica, n), Arrays.copyOf(particle, n), c);
    }
  }
}
