package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.config.ConfigLoader;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.spark.MetricTables;
import org.twostep.jobs.spark.RunProvenance;
import org.twostep.jobs.spark.PartitionPublisher;
import org.twostep.jobs.spark.Sessions;

/**
 * {@code show} and {@code compare} on run directories with metrics tables; a corrupted or foreign Parquet file,
 * given to {@code w2} or found in a run's table, is one line naming it and exit code 2.
 */
class RunQueriesTest {
  @TempDir Path dir;

  static final double[] SIGMA = {20, 80, 120};

  /** A run whose meanflow W2² is {@code scale} times 0.01 (i + 1) and whose corrector's is half of it. */
  private Path run(String name, double scale) {
    Path run = dir.resolve(name);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < SIGMA.length; i++) {
      for (String model : List.of("meanflow", "meanflow_dp")) {
        double w = scale * 0.01 * (i + 1) * (model.equals("meanflow") ? 1 : 0.5);
        rows.add(MetricTables.toRow(new MetricRow("ks-laminar-3d", model, "histogram_w2", SIGMA[i], i, SIGMA[i] <= 80,
            w, Math.sqrt(w), 24, 100, 100, 0.1, 0.2, 0.0, Double.NaN, 0.01, "hash", "test"), new RunProvenance("r", 1)));
      }
    }
    Sessions.get().createDataFrame(rows, MetricTables.METRICS).drop(PartitionPublisher.UNIT).write()
        .partitionBy("experiment", "sigma_index").parquet(run.resolve("metrics").toString());
    return run;
  }

  @Test
  void compareShowsBothRunsAndTheirRatio() {
    Path a = run("a", 1);
    Path b = run("b", 0.5);
    CliRun text = CliRun.of("compare", a.toString(), b.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("| ks-laminar-3d | meanflow | 20 | 0.01000 | 0.005000 | 0.500 |"), text.out());
    assertTrue(text.out().contains("| ks-laminar-3d | meanflow_dp | 120 * | 0.01500 | 0.007500 | 0.500 |"), text.out());
    assertTrue(text.out().contains("ks-laminar-3d meanflow: geometric mean B/A 0.500 over 3 sigma"), text.out());
    CliRun json = CliRun.of("compare", "--json", a.toString(), b.toString());
    assertEquals(0, json.code(), json.err());
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    assertEquals(6, o.getAsJsonArray("rows").size());
    JsonObject first = o.getAsJsonArray("rows").get(0).getAsJsonObject();
    assertEquals("meanflow", first.get("model").getAsString());
    assertEquals(0.01, first.get("w2sq_a").getAsDouble(), 1e-12);
    assertEquals(0.005, first.get("w2sq_b").getAsDouble(), 1e-12);
    assertEquals(0.5, first.get("ratio").getAsDouble(), 1e-12);
    assertEquals(0.5, o.getAsJsonArray("summary").get(0).getAsJsonObject().get("geometric_mean_ratio").getAsDouble(),
        1e-12);
  }

  @Test
  void showPrintsSettingsTimingsAndTheW2Table() {
    Path a = run("a", 1);
    RunRecords.writeConfig(a, ConfigLoader.load(Path.of("../conf/ks-laminar-3d.conf"), "quick",
        List.of("sigma.train=[20, 80]", "sigma.test=[20, 80, 120]", "ks.particles=123")));
    RunRecords.appendTiming(a, "simulate", 12.5, Instant.now());
    RunRecords.appendTiming(a, "train meanflow", 30.0, Instant.now());
    CliRun r = CliRun.of("show", a.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("experiment.name = ks-laminar-3d\n"), r.out());
    assertFalse(r.out().contains("kpp.particles"), "only the settings of the experiment's system: " + r.out());
    assertTrue(r.out().contains("ks.particles = 123\n"), r.out());
    assertTrue(r.out().contains("sigma.test = [20.0, 80.0, 120.0]\n"), r.out());
    assertTrue(r.out().contains("| simulate | 12.5 |\n| train meanflow | 30.0 |\n| total | 42.5 |"), r.out());
    assertTrue(r.out().contains("| sigma | meanflow | meanflow_dp | DP/MF |"), r.out());
    assertTrue(r.out().contains("| 120 * | 0.03000 | 0.01500 | 0.500 |"), r.out());
    CliRun none = CliRun.of("show", dir.resolve("nothing").toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains("run.conf does not exist"), none.err());
  }

  @Test
  void aCorruptedPartFileInARunsTableIsOneLineNamingIt() throws Exception {
    Path a = run("a", 1);
    Path b = run("b", 1);
    Path part;
    try (Stream<Path> s = Files.walk(b.resolve("metrics"))) {
      part = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(part);
    Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut in half: no footer
    CliRun r = CliRun.of("compare", a.toString(), b.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertOneLineNaming(r.err(), part);
  }

  @Test
  void w2OnAFileThatIsNotParquetIsOneLineNamingIt() throws Exception {
    Path garbage = dir.resolve("garbage.parquet");
    Files.writeString(garbage, "this is not a parquet file, only text pretending to be one\n".repeat(20));
    CliRun r = CliRun.of("w2", garbage.toString(), garbage.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertOneLineNaming(r.err(), garbage);
  }

  @Test
  void w2OnAForeignParquetFileSaysWhichColumnsItLacks() {
    Path foreign = dir.resolve("foreign.parquet");
    Sessions.get().range(10).toDF("id").write().parquet(foreign.toString());
    CliRun r = CliRun.of("w2", foreign.toString(), foreign.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertOneLineNaming(r.err(), foreign);
    assertTrue(r.err().contains("needs coordinate columns x and y"), r.err());
  }

  private static void assertOneLineNaming(String err, Path file) {
    List<String> lines = err.strip().lines().toList();
    assertEquals(1, lines.size(), err);
    assertTrue(lines.get(0).contains(file.toAbsolutePath().toString()), err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }
}
