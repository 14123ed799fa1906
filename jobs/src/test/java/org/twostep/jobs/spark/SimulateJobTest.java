package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.pipeline.RunLayout;

/** The simulate job on tiny grids in the one shared local session: layout, schema, idempotence, determinism. */
class SimulateJobTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();

  static Path tinyConfig(Path dir, String experiment) throws IOException {
    Path f = dir.resolve(experiment + ".conf");
    Files.writeString(f, """
        include "%s"
        """.formatted(Path.of("../conf/" + experiment + ".conf").toAbsolutePath().normalize()));
    return f;
  }

  static RunContext context(Path dir, String experiment, String out, String... overrides) throws IOException {
    List<String> o = new ArrayList<>(List.of(overrides));
    var config = ConfigLoader.load(tinyConfig(dir, experiment), "quick", o);
    return new RunContext(config, new RunLayout(out), SigmaCatalogue.from(config), "test");
  }

  static final String[] KS_TINY = {"ks.particles=64", "ks.t_end=0.002", "sigma.train=[20, 40]", "sigma.test=[20, 40, 60]"};

  private static List<Row> sorted(String table) {
    return SPARK.read().parquet(table)
        .orderBy("sigma_index", "split", "particle").collectAsList();
  }

  @Test
  void writesEveryTaskAsHivePartitionsWithFloatColumns() throws IOException {
    RunContext ctx = context(dir, "ks-laminar-3d", dir.resolve("run").toString(), KS_TINY);
    SimulateJob.Summary s = SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
    assertEquals(2 + 3 + 3 * 3, s.planned(), "train, test and three floor references");
    assertEquals(14, s.computed());
    Dataset<Row> t = SPARK.read().parquet(ctx.layout().particles());
    assertEquals(14 * 64, t.count());
    assertEquals(DataTypes.FloatType, t.schema().apply("x").dataType());
    assertEquals(DataTypes.FloatType, t.schema().apply("z").dataType());
    assertFalse(List.of(t.columns()).contains("w"));
    assertFalse(List.of(t.columns()).contains(PartitionPublisher.UNIT));
    assertEquals(3, t.select("sigma_index").distinct().count(), "sigma_index is the position in the union grid");
    assertEquals(64, t.where("split = 'train' AND sigma_index = 1").count());
    assertEquals(0, t.where("split = 'train' AND sigma_index = 2").count(), "60 is a test-only sigma");
    for (String ref : List.of("reference_b", "reference_c", "reference_d")) {
      assertEquals(3 * 64, t.where("split = '" + ref + "'").count(), ref);
    }
    Path partition = Path.of(RunLayout.partition(ctx.layout().particles(), "ks-laminar-3d", 0));
    try (Stream<Path> files = Files.list(partition)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.contains("_DONE.train.json") && names.contains("_DONE.test.json"), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("train-part-") && n.endsWith(".parquet")), names.toString());
    }
    try (Stream<Path> files = Files.list(Path.of(ctx.layout().particles()))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("_staging")), "staging is removed");
    }
  }

  @Test
  void rerunSkipsCompleteUnitsAndRedoesOnlyAnIncompleteOne() throws IOException {
    RunContext ctx = context(dir, "ks-laminar-3d", dir.resolve("run").toString(), KS_TINY);
    SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
    List<Row> first = sorted(ctx.layout().particles());
    assertEquals(0, SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { }).computed());
    // a crash between moving files and writing the marker leaves a unit without its marker
    Files.delete(Path.of(RunLayout.partition(ctx.layout().particles(), "ks-laminar-3d", 2), "_DONE.test.json"));
    Dataset<Row> seen = PartitionPublisher.read(SPARK, ctx.layout().particles(), "ks-laminar-3d", "simulate");
    assertEquals(13 * 64, seen.count(), "readers skip the files of a unit without a marker");
    assertEquals(0, seen.where("split = 'test' AND sigma_index = 2").count());
    SimulateJob.Summary redo = SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
    assertEquals(1, redo.computed());
    assertEquals(first, sorted(ctx.layout().particles()), "the recomputed unit is bit-identical, not duplicated");
    assertEquals(14, SimulateJob.run(SPARK, ctx, true, i -> { }, p -> { }).computed(), "--force recomputes all");
    assertEquals(first, sorted(ctx.layout().particles()));
  }

  @Test
  void aChangedConfigMakesUnitsStale() throws IOException {
    String out = dir.resolve("run").toString();
    SimulateJob.run(SPARK, context(dir, "ks-laminar-3d", out, KS_TINY), false, i -> { }, p -> { });
    List<String> changed = new ArrayList<>(List.of(KS_TINY));
    changed.add("ks.chi=0.5");
    RunContext ctx2 = context(dir, "ks-laminar-3d", out, changed.toArray(String[]::new));
    assertEquals(14, SimulateJob.run(SPARK, ctx2, false, i -> { }, p -> { }).computed());
    assertEquals(14 * 64, SPARK.read().parquet(out + "/particles").count(), "stale files are replaced, not added to");
  }

  @Test
  void anExtendedGridSimulatesOnlyTheNewSigma() throws IOException {
    String out = dir.resolve("run").toString();
    SimulateJob.run(SPARK, context(dir, "ks-laminar-3d", out, KS_TINY), false, i -> { }, p -> { });
    List<Row> before = sorted(out + "/particles");
    List<String> extended = new ArrayList<>(List.of(KS_TINY));
    extended.add("sigma.test=[20, 40, 60, 80]");
    SimulateJob.Summary s = SimulateJob.run(SPARK, context(dir, "ks-laminar-3d", out, extended.toArray(String[]::new)),
        false, i -> { }, p -> { });
    assertEquals(4, s.computed(), "test and the three floor references at the new sigma 80 only");
    List<Row> after = SPARK.read().parquet(out + "/particles").where("sigma < 70").orderBy("sigma_index", "split",
        "particle").collectAsList();
    assertEquals(before, after, "existing units untouched");
  }

  @Test
  void twoRunsGiveIdenticalContentAndSplitsDiffer() throws IOException {
    RunContext a = context(dir, "ks-laminar-3d", dir.resolve("a").toString(), KS_TINY);
    RunContext b = context(dir, "ks-laminar-3d", dir.resolve("b").toString(), KS_TINY);
    SimulateJob.run(SPARK, a, false, i -> { }, p -> { });
    SimulateJob.run(SPARK, b, false, i -> { }, p -> { });
    assertEquals(sorted(a.layout().particles()), sorted(b.layout().particles()));
    Dataset<Row> t = SPARK.read().parquet(a.layout().particles());
    Row train = t.where("split = 'train' AND sigma_index = 0 AND particle = 0").first();
    Row test = t.where("split = 'test' AND sigma_index = 0 AND particle = 0").first();
    assertFalse(train.getFloat(train.fieldIndex("x")) == test.getFloat(test.fieldIndex("x")),
        "train and test are independent replicas");
  }

  @Test
  void kppWritesTheReferenceEigenvalueTrace() throws IOException {
    RunContext ctx = context(dir, "kpp-cellular-2d", dir.resolve("kpp").toString(),
        "kpp.particles=100", "kpp.reference_generations=4", "kpp.substeps=10",
        "sigma.train=[0.125, 0.25]", "sigma.test=[0.0625, 0.125, 0.25]");
    SimulateJob.Summary s = SimulateJob.run(SPARK, ctx, false, i -> { }, p -> { });
    assertEquals(14, s.computed());
    Dataset<Row> p = SPARK.read().parquet(ctx.layout().particles());
    assertArrayEquals(new String[] {"system", "sigma", "split", "replica", "particle", "x", "y", "experiment", "sigma_index"},
        p.columns());
    Dataset<Row> e = SPARK.read().parquet(ctx.layout().eigenvalues());
    assertEquals(14 * 4, e.count());
    Row last = e.where("split = 'test' AND sigma_index = 2 AND generation = 4").first();
    List<Row> gens = e.where("split = 'test' AND sigma_index = 2").orderBy("generation").collectAsList();
    double mean = gens.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("mu_generation"))).average().orElseThrow();
    assertEquals(mean, last.getDouble(last.fieldIndex("mu_n")), 1e-12, "mu_n is the cumulative mean");
    double xmax = p.agg(org.apache.spark.sql.functions.max("x")).first().getFloat(0);
    assertTrue(xmax < 2 * Math.PI, "clouds are wrapped into the torus");
  }
}
