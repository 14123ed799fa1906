package org.twostep.jobs.sample;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.spark.ParticleTables;

/**
 * Sampling at cluster scale: a DataFrame of requests {@code (sigma, n, seed)} becomes the DataFrame of their particles
 * ({@link ParticleTables#sampled} plus {@code seed}), drawn on the executors as the rows are consumed, piece by piece,
 * with the model loaded once per executor JVM ({@link ExecutorModels}). {@code sigma_index} is the position of sigma
 * among the distinct requested sigma. The run directory must be readable at the same path on every executor.
 *
 * <pre>{@code
 * Dataset<Row> requests = spark.createDataFrame(List.of(RowFactory.create(137.0, 10_000_000L, 7L)), SampleJob.REQUESTS);
 * SampleJob.sample(spark, requests, "/shared/runs/ks-laminar-3d", "meanflow_dp").write().parquet("/shared/sampled");
 * }</pre>
 */
public final class SampleJob {
  /** Schema of the requests. */
  public static final StructType REQUESTS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("sigma", DataTypes.DoubleType, false),
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("seed", DataTypes.LongType, false)));

  private SampleJob() {}

  /** The particles of every request; bad requests (sigma <= 0, n < 1) are bad input before any sampling. */
  public static Dataset<Row> sample(SparkSession spark, Dataset<Row> requests, String run, String model) {
    Config c = RunRecords.config(Path.of(run), List.of());
    org.twostep.jobs.pipeline.Models.choose(model, "model");
    Dataset<Row> typed = requests.select(col("sigma").cast("double"), col("n").cast("long"), col("seed").cast("long"));
    List<Row> bad = typed.where("sigma IS NULL OR NOT (sigma > 0) OR sigma = double('inf') OR n IS NULL OR n < 1 "
        + "OR n > 2147483647 OR seed IS NULL").limit(1).collectAsList();
    if (!bad.isEmpty()) {
      throw new InvalidInputException("sampling request " + bad.get(0) + ": sigma must be positive and finite, n in "
          + "1.." + Integer.MAX_VALUE + ", seed set");
    }
    double[] sigmas = typed.select("sigma").distinct().collectAsList().stream().mapToDouble(r -> r.getDouble(0))
        .sorted().toArray();
    String rendered = c.root().render(ConfigRenderOptions.concise());
    int dim = c.getInt("experiment.dim");
    StructType schema = ParticleTables.sampled(dim).add("seed", DataTypes.LongType, false);
    JavaRDD<Row> rows = typed.javaRDD().mapPartitions(
        requests1 -> new Rows(ExecutorModels.get(run, model, rendered), requests1, sigmas));
    return spark.createDataFrame(rows, schema);
  }

  /** The rows of a partition's requests, one piece of one request in memory at a time. */
  private static final class Rows implements Iterator<Row> {
    private final Surrogate surrogate;
    private final Iterator<Row> requests;
    private final double[] sigmas;
    private Iterator<Cloud> pieces = java.util.Collections.emptyIterator();
    private Cloud piece;
    private int at;
    private int sigmaIndex;

    Rows(Surrogate surrogate, Iterator<Row> requests, double[] sigmas) {
      this.surrogate = surrogate;
      this.requests = requests;
      this.sigmas = sigmas;
    }

    @Override
    public boolean hasNext() {
      while (piece == null || at == piece.size()) {
        if (pieces.hasNext()) {
          piece = pieces.next();
          at = 0;
        } else if (requests.hasNext()) {
          Row r = requests.next();
          sigmaIndex = Arrays.binarySearch(sigmas, r.getDouble(0));
          pieces = surrogate.pieces(r.getDouble(0), r.getLong(1), r.getLong(2), Surrogate.DEFAULT_PIECE);
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int d = piece.dim();
      List<Object> v = new ArrayList<>(11 + d);
      v.addAll(List.of(surrogate.experiment(), surrogate.system(), piece.sigma(), sigmaIndex, ParticleTables.SAMPLED,
          0, Math.toIntExact(piece.offset() + at)));
      for (int k = 0; k < d; k++) {
        v.add(piece.column(k)[at]);
      }
      v.addAll(List.of(piece.model(), piece.inTrainingRange(), piece.seed()));
      at++;
      return RowFactory.create(v.toArray());
    }
  }
}
