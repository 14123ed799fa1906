package org.twostep.jobs.spark;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.Split;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.report.MetricTable;
import org.twostep.training.deepparticle.DpConfig;

/**
 * How {@code import} maps an input's sigma onto the run's grids and its rows onto splits (SPEC §1: train at the
 * training sigma, test and reference_b at the test sigma), as small driver-side tables the job joins. Every check here
 * runs before anything is written.
 */
final class SplitPlan {
  static final List<String> SPLITS = List.of("train", "test", "reference_b");

  private final SigmaCatalogue sigma;
  private final ImportConfig imp;
  private final String from;
  /** Input sigma value -> its position in the grids' union. */
  private final Map<Double, Integer> index = new TreeMap<>();
  private final TreeSet<String> present = new TreeSet<>();

  SplitPlan(SigmaCatalogue sigma, ImportConfig imp, String from) {
    this.sigma = sigma;
    this.imp = imp;
    this.from = from;
  }

  /** Maps each input sigma to a grid value; a sigma off the grids, or a grid sigma without rows, is bad input. */
  void matchSigma(Map<Double, Long> counts) {
    double[] all = sigma.all();
    for (double s : counts.keySet()) {
      int i = sigma.find(s);
      if (i < 0) {
        throw new InvalidInputException(from + ": column sigma holds " + s + ", which is on neither sigma.train "
            + java.util.Arrays.toString(sigma.train().values()) + " nor sigma.test "
            + java.util.Arrays.toString(sigma.test().values()));
      }
      index.put(s, i);
    }
    for (int i = 0; i < all.length; i++) {
      if (!index.containsValue(i)) {
        throw new InvalidInputException(from + ": column sigma has no rows at " + MetricTable.sigma(all[i]) + " ("
            + (isTrain(all[i]) ? "sigma.train" : "sigma.test") + ")");
      }
    }
  }

  /** (input sigma, grid sigma, sigma_index) for every input sigma. */
  Dataset<Row> sigmaTable(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    index.forEach((s, i) -> rows.add(RowFactory.create(s, sigma.all()[i], i)));
    return spark.createDataFrame(rows, schema());
  }

  /**
   * Splits from replica ids: at a test sigma the highest {@code reference_b_replicas} ids are reference_b, the
   * {@code test_replicas} below them test, the rest train at a training sigma (dropped at a test-only sigma).
   */
  Dataset<Row> byReplica(SparkSession spark, Map<Double, List<Integer>> replicas) {
    List<Row> rows = new ArrayList<>();
    replicas.forEach((s, ids) -> {
      double grid = sigma.all()[index.get(s)];
      List<Integer> sorted = ids.stream().sorted().toList();
      int held = isTest(grid) ? imp.testReplicas() + imp.referenceBReplicas() : 0;
      int needed = held + (isTrain(grid) ? 1 : 0);
      if (sorted.size() < needed) {
        throw new InvalidInputException(String.format(Locale.ROOT, "%s: column replica has %d value(s) at sigma %s, "
            + "which needs %d (%s)", from, sorted.size(), MetricTable.sigma(grid), needed, isTrain(grid)
            ? "import.test_replicas + import.reference_b_replicas held out, and at least one to train on"
            : "import.test_replicas + import.reference_b_replicas"));
      }
      for (int k = 0; k < sorted.size(); k++) {
        int fromEnd = sorted.size() - k;
        String split = fromEnd > held ? "train" : fromEnd <= imp.referenceBReplicas() ? "reference_b" : "test";
        if (!split.equals("train") || isTrain(grid)) {
          rows.add(RowFactory.create(s, sorted.get(k), split, grid, index.get(s)));
        }
      }
    });
    StructType t = DataTypes.createStructType(List.of(
        DataTypes.createStructField("sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("replica", DataTypes.IntegerType, false),
        DataTypes.createStructField("split", DataTypes.StringType, false),
        DataTypes.createStructField("grid_sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("sigma_index", DataTypes.IntegerType, false)));
    return spark.createDataFrame(rows, t);
  }

  /**
   * Splits by cutting each sigma's rows, in file order, into k equal parts, one per split it needs: (sigma, k, part,
   * split, part_replica, grid_sigma, sigma_index); part_replica is the split's replica as {@code simulate} numbers it.
   */
  Dataset<Row> byCut(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    index.forEach((s, i) -> {
      List<String> splits = needed(sigma.all()[i]);
      for (int p = 0; p < splits.size(); p++) {
        rows.add(RowFactory.create(s, splits.size(), p, splits.get(p), Split.ofLabel(splits.get(p)).replica(),
            sigma.all()[i], i));
      }
    });
    StructType t = DataTypes.createStructType(List.of(
        DataTypes.createStructField("sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("k", DataTypes.IntegerType, false),
        DataTypes.createStructField("part", DataTypes.IntegerType, false),
        DataTypes.createStructField("split", DataTypes.StringType, false),
        DataTypes.createStructField("part_replica", DataTypes.IntegerType, false),
        DataTypes.createStructField("grid_sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("sigma_index", DataTypes.IntegerType, false)));
    return spark.createDataFrame(rows, t);
  }

  /**
   * Checks the rows per (sigma_index, split): every split a grid sigma needs has rows, and each training sigma enough
   * train particles for a corrector batch after its validation hold-out. Returns the rows per split.
   */
  Map<String, Long> checkCounts(List<Row> counts, Config config) {
    Map<String, Long> bySplit = new LinkedHashMap<>();
    SPLITS.forEach(s -> bySplit.put(s, 0L));
    Map<String, Long> unit = new TreeMap<>();
    for (Row r : counts) {
      unit.put(r.getInt(0) + "/" + r.getString(1), r.getLong(2));
      bySplit.merge(r.getString(1), r.getLong(2), Long::sum);
      present.add(r.getInt(0) + "/" + r.getString(1));
    }
    DpConfig dp = DpConfig.from(config);
    double[] all = sigma.all();
    for (int i = 0; i < all.length; i++) {
      for (String split : needed(all[i])) {
        long n = unit.getOrDefault(i + "/" + split, 0L);
        if (n == 0) {
          throw new InvalidInputException(from + ": column split has no " + split + " rows at sigma "
              + MetricTable.sigma(all[i]));
        }
        long held = Math.min(dp.validationSize(), (long) Math.floor(n * dp.validationFraction()));
        if (split.equals("train") && n - held < dp.batchSize()) {
          throw new InvalidInputException(String.format(Locale.ROOT, "%s: sigma %s has %d train particles; "
              + "dp.batch_size = %d needs at least %d after the validation hold-out (dp.validation_fraction)", from,
              MetricTable.sigma(all[i]), n, dp.batchSize(), minimumTrain(dp)));
        }
      }
    }
    return bySplit;
  }

  /** The (partition, split) units that have rows. */
  List<PartitionPublisher.Unit> units(String experiment) {
    return present.stream().map(u -> new PartitionPublisher.Unit(experiment,
        Integer.parseInt(u.substring(0, u.indexOf('/'))), u.substring(u.indexOf('/') + 1))).toList();
  }

  double sigmaOf(int sigmaIndex) {
    return sigma.all()[sigmaIndex];
  }

  private static long minimumTrain(DpConfig dp) {
    long n = dp.batchSize();
    while (n - Math.min(dp.validationSize(), (long) Math.floor(n * dp.validationFraction())) < dp.batchSize()) {
      n++;
    }
    return n;
  }

  private List<String> needed(double grid) {
    List<String> splits = new ArrayList<>();
    if (isTrain(grid)) {
      splits.add("train");
    }
    if (isTest(grid)) {
      splits.addAll(List.of("test", "reference_b"));
    }
    return splits;
  }

  private boolean isTrain(double grid) {
    return sigma.onTrainGrid(grid);
  }

  private boolean isTest(double grid) {
    return sigma.onTestGrid(grid);
  }

  private static StructType schema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("grid_sigma", DataTypes.DoubleType, false),
        DataTypes.createStructField("sigma_index", DataTypes.IntegerType, false)));
  }
}
