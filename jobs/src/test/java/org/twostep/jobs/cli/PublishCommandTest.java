package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.config.ConfigLoader;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.report.SpeedupTable;
import org.twostep.jobs.pipeline.RunRecords;
import org.twostep.jobs.spark.MetricTables;
import org.twostep.jobs.spark.RunProvenance;
import org.twostep.jobs.spark.PartitionPublisher;
import org.twostep.jobs.spark.Sessions;

/** publish over two run directories with written metrics/ tables: the aggregate, the page, and an atomic failure. */
class PublishCommandTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();
  static final String CONF = "../conf/ks-laminar-3d.conf";
  static final List<String> GRID = List.of("sigma.train=[20, 80]", "sigma.test=[20, 80, 120]");
  static final double[] SIGMA = {20, 80, 120};


  /** w2sq of a model at sigma index i in run k: base * (i + 1) * (1 + k / 2). */
  static double w2sq(String model, int i, int k) {
    double base = Map.of("meanflow", 0.04, "meanflow_dp", 0.02, "noise_floor", 0.01).get(model);
    return base * (i + 1) * (1 + k / 2.0);
  }

  /** A run directory with a metrics/ table (and rows of another experiment that publish must leave out). */
  private Path runDir(String name, int k) {
    Path run = dir.resolve(name);
    List<Row> rows = new ArrayList<>();
    for (String experiment : List.of("ks-laminar-3d", "other")) {
      for (int i = 0; i < SIGMA.length; i++) {
        for (String model : List.of("meanflow", "meanflow_dp", "noise_floor")) {
          double w = experiment.equals("other") ? 99 : w2sq(model, i, k);
          rows.add(MetricTables.toRow(new MetricRow(experiment, model, "histogram_w2", SIGMA[i], i, SIGMA[i] <= 80, w,
              Math.sqrt(w), 24, 100, 100, 0.1, 0.2, 0.0, 2 * w, 0.01, "hash" + k, "test"), new RunProvenance("r" + k, k)));
        }
      }
    }
    SPARK.createDataFrame(rows, MetricTables.METRICS).drop(PartitionPublisher.UNIT).write()
        .partitionBy("experiment", "sigma_index").parquet(run.resolve("metrics").toString());
    return run;
  }

  private List<String> args(Path dest, String... runs) {
    List<String> a = new ArrayList<>(List.of("publish", "--config", CONF, "--profile", "quick", "--runs",
        String.join(",", runs), "--dest", dest.toString()));
    a.addAll(GRID);
    return a;
  }

  @Test
  void aRunsSeedIsItsTrainingSeedWhenSet() throws Exception {
    Path r = runDir("t3", 0);
    List<String> o = new ArrayList<>(GRID);
    o.add("experiment.seed=1");
    o.add("training.seed=3");
    RunRecords.writeConfig(r, ConfigLoader.load(Path.of(CONF), "quick", o));
    assertEquals(3L, RunRecords.seed(r).value());
    assertEquals("run.conf (training.seed)", RunRecords.seed(r).source());
  }

  @Test
  void aggregatesTwoSeedsIntoThePage() throws Exception {
    Path r1 = runDir("s1", 0);
    List<String> seed7 = new ArrayList<>(GRID);
    seed7.add("experiment.seed=7");
    RunRecords.writeConfig(r1, ConfigLoader.load(Path.of(CONF), "quick", seed7));
    RunRecords.appendTiming(r1, "simulate", 10.0, Instant.now());
    RunRecords.appendTiming(r1, "train meanflow", 20.0, Instant.now());
    RunRecords.appendTiming(r1, "simulate", 0.5, Instant.now()); // a second pipeline call that skipped the work
    Files.createDirectories(r1.resolve("plots"));
    Files.writeString(r1.resolve("plots").resolve("projections_sigma_120.png"), "png bytes");
    Files.writeString(r1.resolve("plots").resolve("w2_vs_sigma.png"), "not copied");
    Files.writeString(r1.resolve("plots").resolve("marginals_sigma_120.png"), "marginal bytes");
    Files.writeString(r1.resolve("plots").resolve("training_curves.png"), "curve bytes");
    Files.createDirectories(r1.resolve("speedup"));
    Files.writeString(r1.resolve("speedup").resolve("speedup.csv"), SpeedupTable.csv(
        List.of(new SpeedupTable.Row(200, false, "histogram_w2", 2000, new SpeedupTable.Simulated(2000, 2.4, 0.02),
            0.004, 0.5, 0.012, 0.8, 0.05, 0.04, new SpeedupTable.Simulated(150, 0.011, 0.09),
            new SpeedupTable.Simulated(1800, 0.79, 0.03)))));
    Path r2 = runDir("s2", 1);
    Path ablate = dir.resolve("ablate-run");
    Files.createDirectories(ablate.resolve("ablate"));
    Files.writeString(ablate.resolve("ablate").resolve("ablation.csv"), "setting,sigma,in_training_range,metric,w2sq,w2,"
        + "train_seconds,steps,peak_rss_mb\n\"dp.batch_size=1500\",20.0,true,histogram_w2,0.0123,0.111,12.5,20,900\n");
    Path dest = dir.resolve("docs").resolve("results").resolve("ks-laminar-3d");

    List<String> a = args(dest, r1.toString(), r2.toString());
    a.addAll(List.of("--ablate", ablate.toString()));
    CliRun r = CliRun.of(a);
    assertEquals(0, r.code(), r.out() + r.err());

    List<String> w2 = Files.readAllLines(dest.resolve("w2.csv"));
    assertEquals("experiment,sigma_index,sigma,in_training_range,model,metric,seeds,w2sq,w2sq_std,w2,w2_std,"
        + "particle_w2sq,particle_w2sq_std", w2.get(0));
    assertEquals(1 + 3 * 3, w2.size(), "one row per (sigma, model), the other experiment left out");
    String[] mf80 = w2.stream().filter(l -> l.startsWith("ks-laminar-3d,1,80.0,true,meanflow,")).findFirst()
        .orElseThrow().split(",", -1);
    double x0 = 0.08;
    double x1 = 0.12; // w2sq(meanflow, 1, 0) and (.., 1, 1)
    assertEquals("2", mf80[6]);
    assertEquals((x0 + x1) / 2, Double.parseDouble(mf80[7]), 1e-12);
    assertEquals(Math.abs(x1 - x0) / Math.sqrt(2), Double.parseDouble(mf80[8]), 1e-12);
    assertEquals((Math.sqrt(x0) + Math.sqrt(x1)) / 2, Double.parseDouble(mf80[9]), 1e-12);
    assertEquals(x0 + x1, Double.parseDouble(mf80[11]), 1e-12, "the particle view (2 w2sq here), mean over seeds");

    List<String> bySeed = Files.readAllLines(dest.resolve("w2_by_seed.csv"));
    assertEquals(1 + 2 * 9, bySeed.size());
    assertTrue(bySeed.contains("ks-laminar-3d,7,2,120.0,false,meanflow_dp,histogram_w2,0.06,"
        + Math.sqrt(0.06) + ",0.1,0.2,0.0,0.12"), "seed 7 from run.conf: " + bySeed);
    assertTrue(bySeed.stream().anyMatch(l -> l.startsWith("ks-laminar-3d,2,")), "seed 2 from the position in --runs");

    assertEquals(List.of("run,seed,stage,seconds", r1 + ",7,simulate,10.5", r1 + ",7,train meanflow,20.0"),
        Files.readAllLines(dest.resolve("timings.csv")));
    assertEquals("png bytes", Files.readString(dest.resolve("projections_sigma_120.png")));
    assertFalse(Files.exists(dest.resolve("w2_vs_sigma.png")));
    assertEquals("marginal bytes", Files.readString(dest.resolve("marginals_sigma_120.png")));
    assertEquals("curve bytes", Files.readString(dest.resolve("training_curves.png")));
    assertFalse(Files.exists(dest.resolve("eigenvalues.csv")), "KS has no warm start");
    assertEquals(Files.readString(ablate.resolve("ablate").resolve("ablation.csv")),
        Files.readString(dest.resolve("ablation.csv")));
    assertTrue(ImageIO.read(dest.resolve("w2.png").toFile()).getWidth() > 0, "w2.png decodes");
    assertEquals(Files.readString(r1.resolve("run.conf")), Files.readString(dest.resolve("run.conf")),
        "the first run's resolved configuration is published beside the tables");

    String md = Files.readString(dest.resolve("README.md"));
    assertEquals(Files.readString(r1.resolve("speedup").resolve("speedup.csv")),
        Files.readString(dest.resolve("speedup.csv")), "the first run's speedup table is published");
    assertTrue(md.contains("## Speedup over simulating") && md.contains("bench speedup --run " + r1)
        && md.contains("| 200 * | 2000 | 2.40 |"), md);
    assertTrue(md.contains("deploy/local/twostep publish --config " + CONF + " --profile quick --runs " + r1 + "," + r2),
        md);
    assertTrue(md.contains("| " + r1 + " | 7 | run.conf (experiment.seed) | hash0 |"), md);
    assertTrue(md.contains("| " + r2 + " | 2 | position 2 in --runs | hash1 |"), md);
    assertTrue(md.contains("| sigma | MeanFlow | MeanFlow + DP | noise floor | DP/MF |"), md);
    assertTrue(md.contains("| 120 * | 0.1500 ± 0.04243 | 0.07500 ± 0.02121 | 0.03750 ± 0.01061 | 0.500 |"), md);
    assertTrue(md.contains("MeanFlow + DP at or below MeanFlow at every sigma: yes"), md);
    assertTrue(md.contains("![W2 vs sigma](w2.png)") && md.contains("](projections_sigma_120.png)"), md);
    assertTrue(md.contains("](marginals_sigma_120.png)") && md.contains("![training curves](training_curves.png)"), md);
    assertTrue(md.contains("| dp.batch_size=1500 |"), md);
    assertTrue(md.contains("| simulate | 10.5 |") && md.contains("Not recorded for " + r2), md);
    assertTrue(md.contains("processors"), md);
  }

  @Test
  void aMissingRunFailsWithExitTwoAndLeavesThePageAlone() throws Exception {
    Path r1 = runDir("s1", 0);
    Path dest = dir.resolve("page");
    Files.createDirectories(dest);
    Files.writeString(dest.resolve("README.md"), "the old page");
    Path missing = dir.resolve("s2-never-run");
    CliRun r = CliRun.of(args(dest, r1.toString(), missing.toString()));
    assertEquals(Twostep.EXIT_BAD_INPUT, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(missing.toString()) && r.err().contains("twostep pipeline"), r.err());
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(List.of("README.md"), files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }
    assertEquals("the old page", Files.readString(dest.resolve("README.md")));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
          .collect(Collectors.toList()), "no staging left beside the page");
    }
    // the same runs without the missing one replace the page
    assertEquals(0, CliRun.of(args(dest, r1.toString())).code());
    assertTrue(Files.readString(dest.resolve("README.md")).startsWith("# Results: ks-laminar-3d"));
    String page = Files.readString(dest.resolve("w2.csv"));
    // the same by file:// URIs: the same page
    Path byUri = dir.resolve("page-uri");
    CliRun u = CliRun.of("publish", "--config", CONF, "--profile", "quick", "--runs", r1.toUri().toString(), "--dest",
        byUri.toUri().toString());
    assertEquals(0, u.code(), u.out() + u.err());
    assertEquals(page, Files.readString(byUri.resolve("w2.csv")));
    // a run on storage that does not exist: one line naming it, exit 2
    CliRun bad = CliRun.of(args(dest, "nosuchfs://bucket/s1"));
    assertEquals(Twostep.EXIT_BAD_INPUT, bad.code(), bad.out() + bad.err());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("nosuchfs://bucket/s1"), bad.err());
  }

  @Test
  void kppPageHasTheWarmStartAggregateAndPictures() throws Exception {
    Path run = dir.resolve("kpp");
    List<String> o = List.of("kpp.particles=100", "kpp.reference_generations=4", "kpp.substeps=10",
        "sigma.train=[0.125, 0.25]", "sigma.test=[0.0625, 0.125, 0.25]", "warm_start.generations=4",
        "report.width=320", "report.height=240");
    List<String> common = List.of("--config", "../conf/kpp-cellular-2d.conf", "--profile", "quick", "--out",
        run.toString());
    List<String> simulate = new ArrayList<>(List.of("simulate"));
    simulate.addAll(common);
    simulate.addAll(o);
    assertEquals(0, CliRun.of(simulate).code());
    var c = ConfigLoader.load(Path.of("../conf/kpp-cellular-2d.conf"), "quick", o);
    RunContext ctx = new RunContext(c, new org.twostep.jobs.pipeline.RunLayout(run.toString()),
        org.twostep.common.config.SigmaCatalogue.from(c), "test");
    org.twostep.jobs.spark.GeneratedFixtures.write(SPARK, ctx, "meanflow", "reference_b", d -> d);
    org.twostep.jobs.spark.GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", d -> d);
    for (String stage : List.of("evaluate", "report")) {
      List<String> a = new ArrayList<>(List.of(stage));
      a.addAll(common);
      a.addAll(o);
      assertEquals(0, CliRun.of(a).code(), stage);
    }
    Path dest = dir.resolve("kpp-page");
    List<String> a = new ArrayList<>(List.of("publish", "--config", "../conf/kpp-cellular-2d.conf", "--profile", "quick",
        "--runs", run + "," + run, "--dest", dest.toString()));
    a.addAll(o);
    CliRun r = CliRun.of(a);
    assertEquals(0, r.code(), r.out() + r.err());
    List<String> eigen = Files.readAllLines(dest.resolve("eigenvalues.csv"));
    assertEquals("experiment,sigma_index,sigma,start,generation,seeds,mu_n,mu_n_std,reference_mu,rel_error", eigen.get(0));
    assertEquals(1 + 3 * 3 * 4, eigen.size(), "three D, three starts, four generations");
    for (String line : eigen.subList(1, eigen.size())) {
      String[] f = line.split(",", -1);
      assertEquals("2", f[5]);
      assertEquals(0.0, Double.parseDouble(f[7]), 1e-12, "the same run twice has no spread");
      double mu = Double.parseDouble(f[6]);
      double ref = Double.parseDouble(f[8]);
      assertEquals(Math.abs(mu - ref) / Math.abs(ref), Double.parseDouble(f[9]), 1e-12);
    }
    try (Stream<Path> files = Files.list(dest)) {
      assertEquals(3, files.filter(p -> p.getFileName().toString().startsWith("mu_n_sigma_")).count());
    }
    String md = Files.readString(dest.resolve("README.md"));
    assertTrue(md.contains("## KPP warm start"), md);
    assertTrue(md.contains("D = 0.062500:\n\n| n | cold | meanflow | meanflow_dp | reference |"), md);
    assertTrue(md.contains("](mu_n_sigma_0.062500.png)"), md);

    // replot redraws the charts from the page alone, and leaves its tables and README as they are
    List<Path> charts;
    try (Stream<Path> files = Files.list(dest)) {
      charts = files.filter(p -> p.getFileName().toString().matches("w2\\.png|mu_n_sigma_.*\\.png")).toList();
    }
    assertEquals(4, charts.size(), charts.toString());
    for (Path p : charts) {
      Files.delete(p);
    }
    String csv = Files.readString(dest.resolve("w2.csv"));
    CliRun noConf = CliRun.of("replot", dest.toString());
    assertEquals(2, noConf.code(), "this page's runs were not pipelines: no run.conf");
    assertTrue(noConf.err().contains("run.conf does not exist"), noConf.err());
    List<String> withConf = new ArrayList<>(List.of("replot", dest.toString(), "--config",
        "../conf/kpp-cellular-2d.conf", "--profile", "quick"));
    withConf.addAll(o);
    CliRun replot = CliRun.of(withConf);
    assertEquals(0, replot.code(), replot.err());
    assertTrue(replot.out().contains("4 chart(s) redrawn"), replot.out());
    for (Path p : charts) {
      assertTrue(ImageIO.read(p.toFile()).getWidth() > 0, p + " is back and decodes");
    }
    assertEquals(csv, Files.readString(dest.resolve("w2.csv")));
    assertEquals(md, Files.readString(dest.resolve("README.md")));
    Files.writeString(dest.resolve("w2.csv"), "sigma,w2\n1,2\n");
    CliRun bad = CliRun.of(withConf);
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("w2.csv has no column experiment"), bad.err());
  }
}
