package org.twostep.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.jobs.spark.Sessions;

/**
 * {@code twostep import}: Gaussians made outside the project round-trip into particles/ with the splits the config
 * asks for, train and evaluate end to end to the known answer; bad input stops with one line and writes nothing.
 */
class ImportCommandTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();

  @Test
  void importedGaussiansRoundTripTrainAndEvaluateToTheKnownAnswer() {
    Path run = GaussianRun.run();
    Dataset<Row> particles = SPARK.read().parquet(run.resolve("particles").toString());
    Map<String, Long> units = particles.groupBy("sigma", "split").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getDouble(0) + "/" + r.getString(1), r -> r.getLong(2)));
    int p = GaussianRun.PER_REPLICA;
    // train-only sigma keep all three replicas; test sigma hold out replica 2 (reference_b) and 1 (test)
    assertEquals(Map.ofEntries(Map.entry("1.0/train", (long) p), Map.entry("1.0/test", (long) p),
        Map.entry("1.0/reference_b", (long) p), Map.entry("2.0/train", 3L * p), Map.entry("4.0/train", 3L * p),
        Map.entry("3.0/test", (long) p), Map.entry("3.0/reference_b", (long) p), Map.entry("8.0/train", (long) p),
        Map.entry("8.0/test", (long) p), Map.entry("8.0/reference_b", (long) p), Map.entry("12.0/test", (long) p),
        Map.entry("12.0/reference_b", (long) p)), units);

    // the test cloud at sigma 3 is replica 1 of the input, value for value, in file order
    String[] lines = GaussianRun.csv(GaussianRun.SIGMAS, 3, p, 42).split("\n");
    List<Row> test3 = particles.where("sigma = 3.0 AND split = 'test'").orderBy("particle").select("x", "y")
        .collectAsList();
    int first = 1 + 2 * 3 * p + p; // header, sigma 1 and 2, replica 0 of sigma 3
    for (int i = 0; i < p; i++) {
      String[] c = lines[first + i].split(",");
      assertEquals(Float.parseFloat(c[2]), test3.get(i).getFloat(0), "x of particle " + i);
      assertEquals(Float.parseFloat(c[3]), test3.get(i).getFloat(1), "y of particle " + i);
    }

    Dataset<Row> metrics = SPARK.read().parquet(run.resolve("metrics").toString());
    assertEquals(2 * 4, metrics.select("model", "sigma").distinct().count(), "meanflow_dp and the noise floor x 4");
    assertTrue(metrics.where("isnan(w2sq) OR w2sq < 0").isEmpty());
    assertTrue(Files.exists(run.resolve("report.md")));

    // the right answer is known: at sigma 3, never trained on, the corrected model's cloud has the Gaussian's mean
    // and spread (the reference's standard errors are 0.02; the tiny training budget is allowed 0.15 and 25%)
    Row g = SPARK.read().parquet(run.resolve("generated").toString())
        .where("model = 'meanflow_dp' AND sigma = 3.0")
        .agg(org.apache.spark.sql.functions.avg("x"), org.apache.spark.sql.functions.avg("y"),
            org.apache.spark.sql.functions.stddev("x"), org.apache.spark.sql.functions.stddev("y")).first();
    double[] m = GaussianRun.mean(3);
    assertEquals(m[0], g.getDouble(0), 0.15, "mean x at sigma 3");
    assertEquals(m[1], g.getDouble(1), 0.15, "mean y at sigma 3");
    assertEquals(GaussianRun.sdX(3), g.getDouble(2), 0.25 * GaussianRun.sdX(3), "sd x at sigma 3");
    assertEquals(0.4, g.getDouble(3), 0.25 * 0.4, "sd y at sigma 3");
  }

  @Test
  void aParquetTableWithItsOwnSplitsComesBackUnchanged() {
    Path source = GaussianRun.run().resolve("particles");
    List<String> args = GaussianRun.args("import", dir.resolve("copy"), "--from", source.toString());
    args.add("import.axes=[x, y]"); // the particle table's own columns (it also has sigma_index, particle, ...)
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("(splits: column split)"), r.out());
    String[] order = {"sigma", "split", "x", "y"};
    List<Row> before = SPARK.read().parquet(source.toString()).select("sigma", "split", "replica", "x", "y")
        .orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, 4)).collectAsList();
    List<Row> after = SPARK.read().parquet(dir.resolve("copy").resolve("particles").toString())
        .select("sigma", "split", "replica", "x", "y").orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, 4))
        .collectAsList();
    assertEquals(before, after);
  }

  private CliRun importing(String csv, String... overrides) throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, csv);
    List<String> args = GaussianRun.args("import", dir.resolve("run"), "--from", input.toString());
    args.addAll(List.of(overrides));
    return CliRun.of(args);
  }

  private void rejected(CliRun r, String... expected) {
    assertEquals(2, r.code(), r.out() + r.err());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), "one line: " + line);
    for (String e : expected) {
      assertTrue(line.contains(e), "'" + e + "' in: " + line);
    }
    assertFalse(Files.exists(dir.resolve("run").resolve("particles")), "nothing written");
  }

  @Test
  void badInputIsOneLineNamingTheColumnAndValueAndWritesNothing() throws Exception {
    String good = GaussianRun.csv(GaussianRun.SIGMAS, 3, 100, 1);
    String[] lines = good.split("\n");
    rejected(importing(good.replace(lines[5], lines[5].substring(0, lines[5].lastIndexOf(',')) + ",NaN")),
        "column py holds \"NaN\"", "at sigma 1.0");
    rejected(importing(good.replace(lines[7], lines[7].substring(0, lines[7].lastIndexOf(',')) + ",")),
        "column py holds a missing value");
    rejected(importing(good + "5.0,0,1.0,1.0\n"), "column sigma holds 5.0", "sigma.train");
    rejected(importing(GaussianRun.csv(new double[] {1, 2, 3, 4, 8}, 3, 100, 1)), "column sigma has no rows at 12");
    rejected(importing(good.replace("sigma,replica,px,py", "sigma,replica,px,pz")), "has no column py");
    rejected(importing(GaussianRun.csv(GaussianRun.SIGMAS, 1, 100, 1)), "column replica has 1 value(s) at sigma 1",
        "needs 3");
    // the default corrector batch (dp.batch_size = 1500) needs more than 100 train particles per sigma
    rejected(importing(GaussianRun.csv(GaussianRun.SIGMAS, 3, 100, 1), "dp.batch_size=1500"),
        "sigma 1 has 100 train particles", "dp.batch_size = 1500 needs at least 1550");
  }

  @Test
  void withoutReplicasEachSigmaIsCutIntoOnePartPerSplitAndAGivenSplitIsKept() throws Exception {
    String noReplica = GaussianRun.csv(GaussianRun.SIGMAS, 1, 900, 3).lines()
        .map(l -> l.replaceFirst("^([^,]+),[^,]+,", "$1,")).collect(Collectors.joining("\n"));
    CliRun r = importing(noReplica);
    assertEquals(0, r.code(), r.out() + r.err());
    Dataset<Row> particles = SPARK.read().parquet(dir.resolve("run").resolve("particles").toString());
    assertEquals(300, particles.where("sigma = 1.0 AND split = 'train'").count(), "train, test, reference_b: 900 / 3");
    assertEquals(900, particles.where("sigma = 2.0 AND split = 'train'").count(), "a train-only sigma keeps all");
    assertEquals(450, particles.where("sigma = 12.0 AND split = 'reference_b'").count(), "test-only: 900 / 2");
    assertEquals(1, particles.where("sigma = 12.0 AND split = 'reference_b'").select("replica").distinct().count());
    assertEquals(2, particles.where(col("split").equalTo("reference_b")).select("replica").first().getInt(0),
        "replica numbered as simulate numbers the split");

    String bad = noReplica.replaceFirst("sigma,px,py", "sigma,px,py,split").lines()
        .map(l -> l.startsWith("sigma") ? l : l + ",validation").collect(Collectors.joining("\n"));
    Path dir2 = dir.resolve("second");
    Files.createDirectories(dir2);
    Files.writeString(dir2.resolve("in.csv"), bad);
    CliRun b = CliRun.of(GaussianRun.args("import", dir2.resolve("run"), "--from", dir2.resolve("in.csv").toString()));
    assertEquals(2, b.code(), b.err());
    assertTrue(b.err().contains("column split holds \"validation\", expected train, test or reference_b"), b.err());

    CliRun again = importing(noReplica);
    assertEquals(2, again.code(), "a second import into the same run is refused");
    assertTrue(again.err().contains("already exists"), again.err());
  }
}
