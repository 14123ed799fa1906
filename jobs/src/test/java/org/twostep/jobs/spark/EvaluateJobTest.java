package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.rng.Seeds;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.metrics.EvalTask;
import org.twostep.evaluation.metrics.MetricComputation;
import org.twostep.evaluation.metrics.MetricContext;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.metrics.MomentErrors;
import org.twostep.evaluation.metrics.Moments;
import org.twostep.jobs.cli.RunContext;

/**
 * The evaluate job on tiny simulated clouds with hand-made generated/ tables: its numbers equal the library's on the
 * same clouds, an exact copy scores 0, reruns do no work, and bad input names the model and the sigma.
 */
class EvaluateJobTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();
  RunContext ctx;

  @BeforeEach
  void simulate() throws IOException {
    ctx = SimulateJobTest.context(dir, "ks-laminar-3d", dir.resolve("run").toString(), SimulateJobTest.KS_TINY);
    SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
  }

  private ParticleCloud cloud(String table, String filter) {
    return MetricTables.cloud(SPARK.read().parquet(table).where(filter).select(col("particle"), col("x"), col("y"),
        col("z")).collectAsList(), 3);
  }

  @Test
  void numbersEqualTheLibraryOnTheSameCloudsAndACopyScoresZero() {
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", GeneratedFixtures.shiftX(0.25));
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", d -> d);
    EvaluateJob.Summary s = EvaluateJob.run(SPARK, ctx, false);
    assertEquals(3 * 3 + 3 + 3, s.planned(), "three floor replicas and two models at three test sigma");
    assertEquals(s.planned(), s.computed());
    assertEquals(9, s.rows().size(), "the replicas are read as their mean noise_floor row");
    EvaluateConfig eval = EvaluateConfig.from(ctx.config());
    long root = Seeds.derive(ctx.config().getLong("experiment.seed"), Seeds.coordinate(ctx.experiment()));
    MetricContext mc = new MetricContext(ctx.experiment(), s.configHash(), "test", root);
    Map<String, MetricRow> byKey = new HashMap<>();
    for (MetricRow r : s.rows()) {
      byKey.put(r.model() + "@" + r.sigmaIndex(), r);
    }
    for (Row r : SPARK.read().parquet(ctx.layout().metrics()).where("model = 'noise_floor_b'").collectAsList()) {
      MetricRow m = MetricTables.metricRow(r);
      byKey.put(m.model() + "@" + m.sigmaIndex(), m);
    }
    for (int i = 0; i < 3; i++) {
      ParticleCloud ref = cloud(ctx.layout().particles(), "split = 'test' AND sigma_index = " + i);
      double floorMean = 0;
      for (String ref2 : List.of("reference_b", "reference_c", "reference_d")) {
        ParticleCloud other = cloud(ctx.layout().particles(), "split = '" + ref2 + "' AND sigma_index = " + i);
        floorMean += MetricComputation.measure(EvaluateConfig.from(ctx.config()), new MetricContext(ctx.experiment(),
            s.configHash(), "test", Seeds.derive(ctx.config().getLong("experiment.seed"),
                Seeds.coordinate(ctx.experiment()))), new EvalTask("noise_floor", byKey.get("meanflow@" + i).sigma(), i), true, ref, other).w2sq() / 3;
      }
      assertEquals(floorMean, byKey.get("noise_floor@" + i).w2sq(), 1e-12, "the floor is the replicas' mean");
      for (String model : List.of("meanflow", "meanflow_dp", "noise_floor_b")) {
        ParticleCloud gen = model.equals("noise_floor_b")
            ? cloud(ctx.layout().particles(), "split = 'reference_b' AND sigma_index = " + i)
            : cloud(ctx.layout().generated(), "model = '" + model + "' AND sigma_index = " + i);
        MetricRow job = byKey.get(model + "@" + i);
        MetricRow lib = MetricComputation.measure(eval, mc, new EvalTask(model, job.sigma(), i), job.inTrainingRange(), ref, gen);
        assertEquals(lib.w2sq(), job.w2sq(), 0.0, model + " at " + i);
        assertEquals(lib.w2(), job.w2(), 0.0);
        MomentErrors m = MomentErrors.between(Moments.of(ref), Moments.of(gen));
        assertEquals(m.meanError(), job.meanError(), 1e-9);
        assertEquals(m.covError(), job.covError(), 1e-9);
        assertEquals("histogram_w2", job.metric());
        assertEquals(24, job.bins());
        assertEquals(64, job.nReference());
        assertEquals(64, job.nGenerated());
        assertEquals(s.configHash(), job.configHash());
      }
      assertEquals(0.0, byKey.get("meanflow_dp@" + i).w2sq(), 0.0, "an exact copy of the reference");
      assertEquals(0.25, byKey.get("meanflow@" + i).meanError(), 1e-6, "the shift moves the mean by 0.25");
      assertTrue(byKey.get("meanflow@" + i).w2sq() > 0);
    }
    assertFalse(byKey.get("meanflow@2").inTrainingRange(), "60 is beyond the training grid [20, 40]");
    assertTrue(byKey.get("meanflow@1").inTrainingRange());
  }

  /** Every published metric row but its timing, ordered: what two evaluations must agree on bit for bit. */
  private static List<String> measured(RunContext c) {
    // two runs, two run ids
    return SPARK.read().parquet(c.layout().metrics()).drop("seconds", "run_id").orderBy("model", "sigma_index")
        .collectAsList()
        .stream().map(Row::toString).toList();
  }

  @Test
  void measuredInPartsAsTheyComeEqualsMeasuredAtOnce() throws IOException {
    // the pipeline's order: the floor before anything is generated, then each model alone, one pair at a time
    EvaluateJob.Summary floor = EvaluateJob.run(SPARK, ctx, false, org.twostep.jobs.pipeline.StageProgress.NONE,
        java.util.Set.of("noise_floor"), 1);
    assertEquals(9, floor.computed(), "three replicas at three sigma, nothing generated yet");
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", GeneratedFixtures.shiftX(0.25));
    assertEquals(3, EvaluateJob.run(SPARK, ctx, false, org.twostep.jobs.pipeline.StageProgress.NONE,
        java.util.Set.of("meanflow"), 1).computed());
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", d -> d);
    EvaluateJob.Summary rest = EvaluateJob.run(SPARK, ctx, false);
    assertEquals(15, rest.planned());
    assertEquals(3, rest.computed(), "only the pairs no part measured");

    RunContext once = SimulateJobTest.context(dir, "ks-laminar-3d", dir.resolve("once").toString(),
        SimulateJobTest.KS_TINY);
    SimulateJob.run(SPARK, once, false, i -> { }, p -> { });
    GeneratedFixtures.write(SPARK, once, "meanflow", "test", GeneratedFixtures.shiftX(0.25));
    GeneratedFixtures.write(SPARK, once, "meanflow_dp", "test", d -> d);
    assertEquals(15, EvaluateJob.run(SPARK, once, false).computed());
    assertEquals(measured(once), measured(ctx));

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, ctx, false,
        org.twostep.jobs.pipeline.StageProgress.NONE, java.util.Set.of("imm"), 1));
    assertTrue(e.getMessage().startsWith("model imm (evaluate.models or --only) is missing from generated/"),
        e.getMessage());

    // the pipeline measures a model while the next is still being generated, one sigma at a time
    GeneratedFixtures.write(SPARK, ctx, "imm", "test", GeneratedFixtures.where(col("sigma_index").equalTo(0)));
    assertEquals(0, EvaluateJob.run(SPARK, ctx, false, org.twostep.jobs.pipeline.StageProgress.NONE,
        java.util.Set.of("meanflow"), 1).computed(), "a half-generated model elsewhere is not meanflow's concern");
  }

  @Test
  void aSecondRunDoesNoWorkAndANewModelOnlyItsOwn() {
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", GeneratedFixtures.shiftX(0.25));
    EvaluateJob.Summary first = EvaluateJob.run(SPARK, ctx, false);
    EvaluateJob.Summary second = EvaluateJob.run(SPARK, ctx, false);
    assertEquals(0, second.computed());
    assertEquals(first.rows().stream().map(MetricRow::w2sq).toList(), second.rows().stream().map(MetricRow::w2sq).toList());
    GeneratedFixtures.write(SPARK, ctx, "imm", "test", GeneratedFixtures.shiftX(0.5));
    EvaluateJob.Summary third = EvaluateJob.run(SPARK, ctx, false);
    assertEquals(3, third.computed(), "only the new model's three sigma");
    Dataset<Row> m = SPARK.read().parquet(ctx.layout().metrics());
    assertEquals(15, m.count(), "no duplicates");
    assertEquals(3, m.where("model = 'noise_floor_c'").count(), "one row per floor replica and sigma");
  }

  @Test
  void eachPairIsItsOwnUnitAndOnlyAnUnmarkedOneIsRedone() throws IOException {
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", GeneratedFixtures.shiftX(0.25));
    EvaluateJob.Summary first = EvaluateJob.run(SPARK, ctx, false);
    Path partition = Path.of(org.twostep.jobs.pipeline.RunLayout.partition(
        ctx.layout().metrics(), "ks-laminar-3d", 1));
    assertTrue(Files.exists(partition.resolve("meanflow-part-0.parquet")), "one file per (model, sigma) unit");
    // killed after this unit's file was moved in but before its marker: readers skip it, the rerun redoes it alone
    Files.delete(partition.resolve("_DONE.meanflow.json"));
    EvaluateJob.Summary redo = EvaluateJob.run(SPARK, ctx, false);
    assertEquals(1, redo.computed());
    assertEquals(first.rows().stream().map(MetricRow::w2sq).toList(), redo.rows().stream().map(MetricRow::w2sq).toList());
    assertEquals(first.planned(), SPARK.read().parquet(ctx.layout().metrics()).count(), "no duplicates");
  }

  @Test
  void aGeneratedSigmaTheReferenceLacksIsNamedWithItsModel() {
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", d -> d);
    // train has sigma_index 0 and 1 only, test 0..2: relabel a cloud as an unknown sigma
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test",
        d -> d.where("sigma_index = 0").withColumn("sigma", org.apache.spark.sql.functions.lit(500.0))
            .withColumn("sigma_index", org.apache.spark.sql.functions.lit(7)));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, ctx, false));
    assertTrue(e.getMessage().contains("meanflow_dp") && e.getMessage().contains("500.0"), e.getMessage());
  }

  @Test
  void aMissingModelIsNamedWithTheSigma() throws IOException {
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", d -> d);
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", GeneratedFixtures.where(col("sigma_index").notEqual(1)));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, ctx, false));
    assertTrue(e.getMessage().contains("meanflow_dp") && e.getMessage().contains("40.0"), e.getMessage());
    String[] o = java.util.stream.Stream.concat(java.util.Arrays.stream(SimulateJobTest.KS_TINY),
        java.util.stream.Stream.of("evaluate.models=[meanflow, imm]")).toArray(String[]::new);
    RunContext listed = SimulateJobTest.context(dir, "ks-laminar-3d", ctx.layout().root(), o);
    e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, listed, false));
    assertTrue(e.getMessage().contains("imm") && e.getMessage().contains("20.0"), e.getMessage());
  }

  @Test
  void missingTablesNameTheStageToRun() throws IOException {
    RunContext empty = SimulateJobTest.context(dir, "ks-laminar-3d", dir.resolve("empty").toString(), SimulateJobTest.KS_TINY);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, empty, false));
    assertTrue(e.getMessage().contains("simulate"), e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> EvaluateJob.run(SPARK, ctx, false));
    assertTrue(e.getMessage().contains("generated") && e.getMessage().contains("generate"), e.getMessage());
  }
}
