package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.jobs.spark.Sessions;

/**
 * {@code twostep sample} on the imported Gaussian run: the clouds of {@code generate}, deterministic, the same in any
 * piece size, flagged outside the training range, in all three output formats; bad input is one line and exit 2.
 */
class SampleCommandTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();

  private static CliRun sample(String... args) {
    List<String> a = new ArrayList<>(List.of("sample", "--run", GaussianRun.run().toString()));
    a.addAll(List.of(args));
    return CliRun.of(a);
  }

  private static List<Row> rows(Path table, String where) {
    return SPARK.read().parquet(table.toString()).where(where).orderBy("sigma", "particle").collectAsList();
  }

  @Test
  void withoutASeedItDrawsTheCloudsOfGenerate() {
    Path out = dir.resolve("s.parquet");
    CliRun r = sample("--model", "meanflow_dp", "--sigma", "1,3,8,12", "--n", "400", "--out", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    List<Row> mine = rows(out, "true");
    List<Row> generated = rows(GaussianRun.run().resolve("generated"), "model = 'meanflow_dp'");
    assertEquals(4 * 400, mine.size());
    assertEquals(generated.size(), mine.size());
    for (int i = 0; i < mine.size(); i++) {
      assertEquals(generated.get(i).getDouble(generated.get(i).fieldIndex("sigma")), mine.get(i).getAs("sigma"));
      for (String a : List.of("x", "y")) {
        assertEquals((float) generated.get(i).getAs(a), (float) mine.get(i).getAs(a), a + " of row " + i);
      }
    }
    assertTrue(r.out().contains("particles/s"), r.out());
  }

  @Test
  void piecesOfAnySizeWriteTheSameFileAndTheSeedDecides() throws Exception {
    // 40000 particles: two whole network blocks and a part; pieces of one block vs the default (64 blocks)
    CliRun whole = sample("--model", "meanflow_dp", "--sigma", "5", "--n", "40000", "--seed", "7", "--out",
        dir.resolve("a.csv").toString());
    assertEquals(0, whole.code(), whole.err());
    CliRun pieces = sample("--model", "meanflow_dp", "--sigma", "5", "--n", "40000", "--seed", "7", "--piece",
        "16384", "--out", dir.resolve("b.csv").toString());
    assertEquals(0, pieces.code(), pieces.err());
    assertEquals(-1, Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv")), "chunked == unchunked");
    assertEquals(40001, Files.readAllLines(dir.resolve("a.csv")).size());
    sample("--model", "meanflow_dp", "--sigma", "5", "--n", "40000", "--seed", "8", "--out",
        dir.resolve("c.csv").toString());
    assertNotEquals(-1, Files.mismatch(dir.resolve("a.csv"), dir.resolve("c.csv")), "another seed, another cloud");
  }

  @Test
  void sigmaOutsideTheTrainingRangeIsWarnedOnceAndFlagged() {
    Path out = dir.resolve("table");
    CliRun r = sample("--model", "meanflow", "--sigma", "20,5,0.5", "--n", "100", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> warnings = r.err().lines().filter(l -> l.contains("warning")).toList();
    assertEquals(2, warnings.size(), r.err());
    assertTrue(warnings.get(0).contains("sigma = 0.5") && warnings.get(0).contains("[1, 8]"), warnings.get(0));
    assertTrue(warnings.get(1).contains("sigma = 20"), warnings.get(1));
    // a hive-partitioned table: sigma_index = position among the sigma asked
    Dataset<Row> t = SPARK.read().parquet(out.toString());
    assertEquals(List.of(0.5, 5.0, 20.0), t.select("sigma").distinct().orderBy("sigma").collectAsList().stream()
        .map(x -> x.getDouble(0)).toList());
    assertEquals(1, t.where("sigma = 5.0").select("sigma_index").distinct().first().getInt(0));
    assertTrue(Files.isDirectory(out.resolve("experiment=gauss").resolve("sigma_index=2")));
    assertEquals(100, t.where("sigma = 5.0 AND in_training_range").count());
    assertEquals(200, t.where("NOT in_training_range").count());
    assertEquals(List.of("sampled"), t.select("split").distinct().collectAsList().stream().map(x -> x.getString(0))
        .toList());
  }

  @Test
  void badInputIsOneLineAndExitTwoAndWritesNothing() throws Exception {
    Path out = dir.resolve("bad.parquet");
    String[][] cases = {
        {"--model", "flow", "--sigma", "3", "--n", "10"},
        {"--model", "imm", "--sigma", "3", "--n", "10"},
        {"--model", "meanflow", "--sigma", "0", "--n", "10"},
        {"--model", "meanflow", "--sigma", "3,-2", "--n", "10"},
        {"--model", "meanflow", "--sigma", "3", "--n", "0"}};
    String[] expected = {"--model must be one of meanflow", "model imm is not trained in run", "--sigma must be a "
        + "positive finite number, found 0.0", "found -2.0", "--n must be a number of particles"};
    for (int i = 0; i < cases.length; i++) {
      List<String> a = new ArrayList<>(List.of(cases[i]));
      a.addAll(List.of("--out", out.toString()));
      CliRun r = sample(a.toArray(String[]::new));
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains(expected[i]), r.err());
    }
    Path untrained = dir.resolve("empty-run");
    Files.createDirectories(untrained);
    CliRun r = CliRun.of("sample", "--run", untrained.toString(), "--model", "meanflow", "--sigma", "3", "--n", "10",
        "--out", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not trained") && r.err().contains("trained: none"), r.err());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("staging")), "no staging left");
    }
  }

  @Test
  void theJavaApiIsTheCommandsCloudAndSafeFromSeveralThreads() throws Exception {
    try (org.twostep.jobs.sample.Surrogate s = org.twostep.jobs.sample.Surrogate.open(GaussianRun.run(),
        "meanflow_dp")) {
      float[][] expected = new float[6][];
      for (int k = 0; k < 6; k++) {
        expected[k] = s.sample(2 + k, 5000, 100 + k).column(0);
      }
      var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        List<java.util.concurrent.Future<float[]>> got = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
          for (int k = 0; k < 6; k++) {
            int kk = k;
            got.add(pool.submit(() -> s.sample(2 + kk, 5000, 100 + kk).column(0)));
          }
        }
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(expected[i % 6], got.get(i).get(), "concurrent call " + i);
        }
      } finally {
        pool.shutdown();
      }
      var it = s.pieces(3, 40000, 9, 16384);
      float[] joined = new float[40000];
      int at = 0;
      while (it.hasNext()) {
        var piece = it.next();
        assertEquals(at, piece.offset());
        System.arraycopy(piece.column(1), 0, joined, at, piece.size());
        at += piece.size();
      }
      assertArrayEquals(s.sample(3, 40000, 9).column(1), joined, "pieces == one call");
      assertFalse(s.sample(20, 10, 1).inTrainingRange());
      s.close();
      org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> s.sample(3, 10, 1));
    }
  }
  /** MF+DP corrects the very cloud MeanFlow draws: with the trust width 0 the two clouds are one beyond the range. */
  @Test
  void theCorrectorCorrectsMeanFlowsOwnDraw() {
    Path run = GaussianRun.run();
    com.typesafe.config.Config c = org.twostep.jobs.pipeline.RunRecords.config(run, List.of("dp.trust_width=0"));
    try (org.twostep.jobs.sample.Surrogate mf = org.twostep.jobs.sample.Surrogate.open(run, "meanflow", c);
        org.twostep.jobs.sample.Surrogate dp = org.twostep.jobs.sample.Surrogate.open(run, "meanflow_dp", c)) {
      assertEquals(mf.generateSeed(), dp.generateSeed(), "generate draws both with MeanFlow's seed");
      long seed = dp.generateSeed();
      for (int d = 0; d < 2; d++) {
        assertArrayEquals(mf.sample(12, 500, seed).column(d), dp.sample(12, 500, seed).column(d),
            "beyond the range the width-0 correction is off: the corrector's cloud is MeanFlow's");
      }
      float[] before = mf.sample(3, 500, seed).column(0);
      float[] after = dp.sample(3, 500, seed).column(0);
      double moved = 0;
      for (int i = 0; i < before.length; i++) {
        moved = Math.max(moved, Math.abs(after[i] - before[i]));
      }
      assertTrue(moved > 1e-4 && moved < 1, "in range the corrector moves MeanFlow's particles a little: " + moved);
    }
  }

  /** The vector engine draws the cloud PyTorch draws, up to float rounding, for MeanFlow and the corrector. */
  @Test
  void theVectorEngineDrawsTorchsCloudToFloatRounding() {
    Path run = GaussianRun.run();
    com.typesafe.config.Config torch = org.twostep.jobs.pipeline.RunRecords.config(run, List.of());
    com.typesafe.config.Config vector = org.twostep.jobs.pipeline.RunRecords.config(run,
        List.of("sampling.engine=vector", "training.threads=2"));
    for (String model : List.of("meanflow", "meanflow_2step", "meanflow_dp")) {
      try (org.twostep.jobs.sample.Surrogate a = org.twostep.jobs.sample.Surrogate.open(run, model, torch);
          org.twostep.jobs.sample.Surrogate b = org.twostep.jobs.sample.Surrogate.open(run, model, vector)) {
        for (double sigma : new double[] {3, 12}) { // in range and beyond it
          org.twostep.jobs.sample.Cloud x = a.sample(sigma, 3000, 5);
          org.twostep.jobs.sample.Cloud y = b.sample(sigma, 3000, 5);
          double err = 0;
          double scale = 0;
          for (int d = 0; d < 2; d++) {
            for (int i = 0; i < 3000; i++) {
              err = Math.max(err, Math.abs(x.column(d)[i] - y.column(d)[i]));
              scale = Math.max(scale, Math.abs(x.column(d)[i]));
            }
          }
          assertTrue(scale > 0.1 && err < 1e-5 * scale, model + " at sigma " + sigma + ": max difference " + err
              + " of max |x| " + scale);
        }
      }
    }
  }
}
