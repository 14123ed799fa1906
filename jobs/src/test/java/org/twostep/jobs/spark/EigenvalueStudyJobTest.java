package org.twostep.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.config.WarmStartConfig;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.Start;
import org.twostep.evaluation.warmstart.WarmStartStudy;
import org.twostep.jobs.cli.RunContext;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.SimulationSetup;

/** The warm-start study job: rows equal the library's, every (D, start) once, reruns skip, missing clouds named. */
class EigenvalueStudyJobTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();

  static final String[] KPP_TINY = {"kpp.particles=100", "kpp.reference_generations=4", "kpp.substeps=10",
      "sigma.train=[0.125, 0.25]", "sigma.test=[0.0625, 0.125, 0.25]", "warm_start.generations=4"};

  private RunContext simulated(String... extra) throws IOException {
    String[] o = java.util.stream.Stream.concat(java.util.Arrays.stream(KPP_TINY), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    RunContext ctx = SimulateJobTest.context(dir, "kpp-cellular-2d", dir.resolve("kpp").toString(), o);
    SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
    return ctx;
  }

  @Test
  void rowsEqualTheLibraryStudyAndRerunsSkip() throws IOException {
    RunContext ctx = simulated("warm_start.lambda_grid=[1, 2]");
    UnaryOperator<Dataset<Row>> same = d -> d;
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", same);
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "reference_b", same);
    EigenvalueStudyJob.Summary s = EigenvalueStudyJob.run(SPARK, ctx, false);
    assertEquals(3 * 3 + 3, s.planned(), "3 starts and one lambda scan per test D");
    assertEquals(s.planned(), s.computed());
    Dataset<Row> e = SPARK.read().parquet(ctx.layout().eigenvalues());
    assertEquals(3 * 3 * 4, e.where(col("split").equalTo(WarmStartStudy.SPLIT)).count());
    assertEquals(14 * 4, e.where(col("split").notEqual(WarmStartStudy.SPLIT)).count(), "simulate's rows are kept");

    // the library on the same cloud gives the same rows
    SimulationSetup setup = SimulationSetup.from(ctx.config());
    WarmStartStudy study = new WarmStartStudy(setup, KppConfig.from(ctx.config(), 2), WarmStartConfig.from(ctx.config()), 1);
    List<Row> pts = SPARK.read().parquet(ctx.layout().particles())
        .where("split = 'test' AND sigma_index = 1").select(col("particle"), col("x"), col("y")).collectAsList();
    ParticleCloud mf = MetricTables.cloud(pts, 2);
    List<EigenRow> expected = study.run(0.125, 1, Start.MEANFLOW, mf);
    List<EigenRow> actual = e.where("split = 'warm_start' AND start = 'meanflow' AND sigma_index = 1")
        .orderBy("generation").collectAsList().stream().map(MetricTables::eigenRow).toList();
    assertEquals(expected, actual);
    List<EigenRow> cold = e.where("split = 'warm_start' AND start = 'cold' AND sigma_index = 1")
        .orderBy("generation").collectAsList().stream().map(MetricTables::eigenRow).toList();
    assertEquals(study.run(0.125, 1, Start.COLD, study.coldStart()), cold);

    Dataset<Row> speeds = SPARK.read().parquet(EigenvalueStudyJob.frontSpeedTable(ctx));
    assertEquals(3 * 2, speeds.count());
    assertEquals(3, speeds.where("is_min").count(), "one minimiser per D");
    for (Row r : speeds.collectAsList()) {
      double lambda = r.getDouble(r.fieldIndex("lambda"));
      assertEquals((r.getDouble(r.fieldIndex("mu")) + 1) / lambda, r.getDouble(r.fieldIndex("speed")), 1e-12);
    }

    EigenvalueStudyJob.Summary again = EigenvalueStudyJob.run(SPARK, ctx, false);
    assertEquals(0, again.computed());
    assertEquals(3 * 3 * 4, SPARK.read().parquet(ctx.layout().eigenvalues())
        .where(col("split").equalTo(WarmStartStudy.SPLIT)).count(), "nothing is duplicated");
  }

  @Test
  void aModelAbsentEverywhereIsLeftOutButAHoleIsNamedWithModelAndSigma() throws IOException {
    RunContext ctx = simulated();
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", d -> d);
    EigenvalueStudyJob.Summary s = EigenvalueStudyJob.run(SPARK, ctx, false);
    assertEquals(List.of("meanflow_dp"), s.absentStarts(), "the pipeline did not train it");
    assertEquals(3 * 2, s.planned());
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", GeneratedFixtures.where(col("sigma_index").notEqual(0)));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EigenvalueStudyJob.run(SPARK, ctx, false));
    assertTrue(e.getMessage().contains("meanflow_dp") && e.getMessage().contains("sigma 0.0625"), e.getMessage());
  }

  @Test
  void ksHasNoStudy() throws IOException {
    RunContext ctx = SimulateJobTest.context(dir, "ks-laminar-3d", dir.resolve("ks").toString(), SimulateJobTest.KS_TINY);
    assertEquals(0, EigenvalueStudyJob.run(SPARK, ctx, false).planned());
  }
}
