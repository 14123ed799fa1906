package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;

/**
 * The whole pipeline on a tiny KS profile, end to end in one JVM; a second run does no work; a repeat with another
 * training seed, its stages run beside the first run's, gives the same models and metrics as that seed run alone, one
 * stage at a time.
 */
class PipelineCommandTest {
  @TempDir Path dir;

  static final String[] TINY = {
      "ks.particles=96", "ks.t_end=0.002", "sigma.train=[20, 80]", "sigma.test=[20, 80, 120]",
      "meanflow.steps=40", "meanflow.batch_size=64", "meanflow.checkpoint_every=20",
      "dp.steps=20", "dp.batch_size=48", "dp.refresh_every=5", "dp.validate_every=10", "dp.checkpoint_every=10",
      "dp.frame_samples=200", "dp.validation_size=20",
      "imm.steps=20", "imm.batch_size=64", "imm.checkpoint_every=10",
      "evaluate.histogram.bins=6", "report.width=320", "report.height=240", "report.image_bins=16",
      "report.projection_sigma=[80, 120]"};

  private String run(Path out, String... more) {
    return run(out.toString(), more);
  }

  private String run(String out, String... more) {
    List<String> args = new ArrayList<>(List.of("pipeline", "--config", "../conf/ks-laminar-3d.conf", "--profile", "quick",
        "--out", out));
    args.addAll(List.of(TINY));
    args.addAll(List.of(more));
    CommandLine cli = Twostep.commandLine();
    StringWriter text = new StringWriter();
    cli.setOut(new PrintWriter(text));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args.toArray(String[]::new));
    assertEquals(0, code, text + "\n" + err);
    return text.toString();
  }

  private static double w2sq(Dataset<Row> metrics, String model, double sigma) {
    return metrics.where(String.format("model = '%s' AND sigma = %s", model, sigma)).select("w2sq").first().getDouble(0);
  }

  /** The first run names its directory by a {@code file://} URI, the second by its path: the same run either way. */
  @Test
  void runsEveryStageAndASecondRunDoesNoWork() throws Exception {
    Path out = dir.resolve("run");
    Path repeat = dir.resolve("rep");
    // the run on a file:// URI; two stages at once even on a one-core machine; training repeated with seed 7 on a
    // copy of the simulation; the floor and the models measured beside the training (pipeline.evaluate_early)
    String first = run(out.toUri().toString(), "pipeline.threads=2", "pipeline.evaluate_early=true", "--repeat",
        repeat + "=7");
    assertTrue(first.contains("-> file:/"), "every stage ran on a file:// URI: " + first);
    assertTrue(first.contains("all 28 stages done"), first);
    assertTrue(first.contains("(up to 2 at once on 2 threads)"), "MeanFlow and IMM train at once: " + first);
    assertTrue(first.contains("[rep] pipeline ks-laminar-3d: copied " + repeat.resolve("particles")), first);
    assertTrue(first.contains("[rep] simulate ks-laminar-3d: 14 task(s) planned, 14 skipped"), first);
    assertTrue(first.contains("[rep] train meanflow: 50% (20/40 steps"), "each run's lines are tagged: " + first);
    assertTrue(first.contains("[run] train meanflow: 50% (20/40 steps"), first);
    // the training JVMs take the train split from the pipeline instead of reading it with a Spark of their own
    assertTrue(first.matches("(?s).*\\[rep\\] train ks-laminar-3d: loaded \\d+ train particles at \\d+ sigma "
        + "\\([0-9.]+ MiB\\) handed over by the pipeline.*"), first);
    assertTrue(first.matches("(?s).*\\[run\\] train ks-laminar-3d: loaded \\d+ train particles at \\d+ sigma "
        + "\\([0-9.]+ MiB\\) handed over by the pipeline.*"), first);
    assertEquals(7L, org.twostep.jobs.pipeline.RunRecords.seed(repeat).value(), "the repeat's run.conf");
    assertEquals(1 + 14, Files.readAllLines(repeat.resolve("timings.csv")).size());
    // no terminal in a test: every long stage reports in lines of 10 %, training with its loss
    assertTrue(first.matches("(?s).*simulate: 100% \\((\\d+)/\\1 tasks.*"), first);
    assertTrue(first.matches("(?s).*train meanflow: 50% \\(20/40 steps, [0-9.]+ steps/s, ETA [0-9:]+, loss [-0-9.e]+\\).*"), first);
    assertTrue(first.matches("(?s).*train dp: 100% \\(20/20 steps, .*, best validation W2\\^2 [0-9.e-]+\\).*"), first);
    assertTrue(first.contains("train imm: 100% (20/20 steps"), first);
    assertTrue(first.contains("generate meanflow_dp: 100% (3/3 sigma"), first);
    // the floor measured once simulated, each model once generated, the corrector's pairs left to evaluate
    assertTrue(first.contains("[run] evaluate noise_floor: 100% (9/9 pairs"), first);
    assertTrue(first.contains("[run] evaluate imm: 100% (3/3 pairs"), first);
    assertTrue(first.contains("[run] evaluate ks-laminar-3d: 21 pair(s) planned, 18 skipped (complete), 3 computed"),
        first);
    SparkSession spark = Sessions.get();
    Dataset<Row> metrics = spark.read().parquet(out.resolve("metrics").toString());
    Set<String> models = metrics.select("model").distinct().collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
    assertEquals(Set.of("meanflow", "meanflow_2step", "meanflow_dp", "imm", "noise_floor_b", "noise_floor_c",
        "noise_floor_d"), models, "every model and each floor replica");
    assertEquals(7 * 3, metrics.select("model", "sigma").distinct().count(), "every model at every test sigma");
    assertTrue(metrics.where("w2sq IS NULL OR w2sq < 0 OR isnan(w2sq)").isEmpty());
    assertTrue(Files.exists(out.resolve("report.md")));
    assertTrue(Files.list(out.resolve("plots")).anyMatch(p -> p.toString().endsWith(".png")));

    assertEquals(20250101L, org.twostep.jobs.pipeline.RunRecords.seed(out).value(), "run.conf holds the seed");
    List<String> timings = Files.readAllLines(out.resolve("timings.csv"));
    assertEquals("stage,seconds,finished_utc", timings.get(0));
    assertEquals(1 + 14, timings.size(), "one line per stage: " + timings);
    assertEquals(Set.of("simulate", "train meanflow", "train meanflow_dp", "train imm", "generate meanflow",
        "generate meanflow (2 steps)", "generate meanflow_dp", "generate imm", "evaluate noise_floor",
        "evaluate meanflow", "evaluate meanflow_2step", "evaluate imm", "evaluate", "report"),
        timings.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet()));
    assertEquals("report", timings.get(14).split(",")[0]);

    // bench speedup on the finished run: its own simulation at P is reference_b again (W2^2 = the noise floor) and its
    // MeanFlow + DP cloud is generate's (W2^2 = the evaluated one)
    CliRun bench = CliRun.of("bench", "speedup", "--run", out.toString(), "--sigma", "120", "--repeats", "1");
    assertEquals(0, bench.code(), bench.out() + bench.err());
    var rows = org.twostep.evaluation.report.SpeedupTable.parse(
        Files.readString(out.resolve("speedup").resolve("speedup.csv")));
    assertEquals(1, rows.size());
    var row = rows.get(0);
    assertEquals(96, row.particles());
    assertEquals(w2sq(metrics, "noise_floor_b", 120), row.simulate().w2sq(), 1e-12);
    assertEquals(w2sq(metrics, "meanflow_dp", 120), row.dpW2sq(), 1e-12);
    assertEquals(w2sq(metrics, "meanflow", 120), row.meanflowW2sq(), 1e-12);
    assertTrue(row.dpSeconds() > 0 && row.dpLoadSeconds() > row.dpSeconds() / 10, row.toString());
    assertEquals(row.simulate().seconds() / row.dpSeconds(), row.speedupDp(), 1e-9);
    assertTrue(row.equal().particles() >= 2 && row.equal().particles() <= 96, row.toString());
    assertTrue(Files.readString(out.resolve("speedup").resolve("speedup.md")).contains("| 120 * | 96 |"));

    String second = run(out, "pipeline.threads=2");
    // by default nothing is measured beside the training: 10 stages this time, and no pair measured again
    assertEquals(1 + 14 + 10, Files.readAllLines(out.resolve("timings.csv")).size(), "a second run appends its stages");
    assertTrue(second.contains("0 computed"), second);
    assertTrue(second.contains("train meanflow ks-laminar-3d: finished model"), second);
    assertTrue(second.contains("train meanflow_dp ks-laminar-3d: finished model"), second);
    assertTrue(second.contains("train imm ks-laminar-3d: finished model"), second);
    assertTrue(second.contains("generate meanflow_dp ks-laminar-3d: complete"), second);
    assertFalse(second.contains(" step(s) from step"), "no training step runs again:\n" + second);

    // seed 7 alone, one stage after another, on its own simulation: the repeat's models and metrics, bit for bit
    Path sequential = dir.resolve("sequential");
    String third = run(sequential, "pipeline.threads=1", "training.seed=7");
    assertTrue(third.contains("(up to 1 at once on 1 threads)"), third);
    assertTrue(third.contains("evaluate: 100% (21/21 pairs"), "every pair in one evaluate: " + third);
    for (String model : List.of("meanflow", "meanflow_dp", "imm")) {
      for (String file : List.of("params.ndlist", "loss.csv")) {
        assertArrayEquals(Files.readAllBytes(repeat.resolve("models").resolve(model).resolve(file)),
            Files.readAllBytes(sequential.resolve("models").resolve(model).resolve(file)), model + "/" + file);
      }
    }
    String[] measured = {"model", "sigma", "w2sq", "w2", "mean_error", "cov_error", "outside_mass", "n_generated"};
    assertEquals(metricRows(spark, repeat, measured), metricRows(spark, sequential, measured));
    assertFalse(metricRows(spark, out, measured).equals(metricRows(spark, repeat, measured)), "seed 7 is another seed");
  }

  private static List<String> metricRows(SparkSession spark, Path run, String[] columns) {
    return spark.read().parquet(run.resolve("metrics").toString()).selectExpr(columns).orderBy("model", "sigma")
        .collectAsList().stream().map(Row::toString).toList();
  }
}
