package org.twostep.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twostep.jobs.pipeline.RunLayoutPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.config.ConfigHash;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.config.ReportConfig;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.report.PlotBox;
import org.twostep.evaluation.report.ReportInputs;
import org.twostep.evaluation.report.ReportWriter;
import org.twostep.evaluation.report.TrainingCurveChart;
import org.twostep.jobs.pipeline.Models;
import org.twostep.training.deepparticle.CorrectorCard;
import org.twostep.training.store.LossLog;
import org.twostep.training.store.ModelDirectory;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.FrontSpeed;
import org.twostep.evaluation.warmstart.WarmStartStudy;
import org.twostep.jobs.spark.EigenvalueStudyJob;
import org.twostep.jobs.spark.MetricTables;
import org.twostep.jobs.spark.ParticleTables;
import org.twostep.jobs.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code twostep report}: reads metrics/, eigenvalues/ and the clouds at the configured sigma, and writes the PNG
 * plots and {@code report.md} into the run directory (SPEC §6), through its {@link org.twostep.jobs.io.RunStorage}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write DIR/plots/*.png and DIR/report.md from the run's tables.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin ExperimentOptions options;

  @Option(names = "--force", description = "Rewrite the report even if its inputs have not changed.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    RunContext ctx = options.load();
    ReportConfig.from(ctx.config(), ctx.sigma()); // validates report.* before Spark starts
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = Sessions.get();
    // the report reads the models' loss logs and cards and writes plots/ and report.md: in the local working copy
    ctx.storage().pull("models", "plots", "report.md");
    Path dir = ctx.storage().local();
    String fingerprint = fingerprint(spark, ctx);
    Path marker = dir.resolve("plots").resolve("_DONE.report.json");
    if (!force && Files.exists(dir.resolve("report.md")) && Files.exists(marker)
        && Files.readString(marker).equals(fingerprint)) {
      out.printf(Locale.ROOT, "report %s: up to date (same configuration and tables) -> %s%n", ctx.experiment(),
          ctx.storage().remote() ? ctx.layout().report() : dir.resolve("report.md"));
      out.flush();
      return 0;
    }
    ReportWriter.Written w = write(spark, ctx);
    Files.writeString(marker, fingerprint);
    ctx.storage().push("plots", "report.md");
    boolean remote = ctx.storage().remote(); // name where they are stored, not the working copy
    out.printf(Locale.ROOT, "report %s: %s and %d plot(s) in %s%n", ctx.experiment(),
        remote ? ctx.layout().report() : w.report(), w.plots().size(), remote ? ctx.layout().plots() : dir.resolve("plots"));
    out.flush();
    return 0;
  }

  /**
   * What the report depends on: the configuration (but run-time knobs, and the sampling engine, whose clouds the
   * tables carry) and every published unit of the tables it reads (their {@code _DONE} markers' paths, sizes and times:
   * a republished unit changes it).
   */
  static String fingerprint(SparkSession spark, RunContext ctx) throws IOException {
    java.util.TreeSet<String> sections = new java.util.TreeSet<>(ctx.config().root().keySet());
    sections.removeAll(java.util.Set.of("simulate", "pipeline", "ablate", "import", "sampling"));
    StringBuilder sb = new StringBuilder(ConfigHash.of(ctx.config(), sections.toArray(String[]::new)));
    java.util.TreeSet<String> markers = new java.util.TreeSet<>();
    for (String table : List.of(ctx.layout().particles(), ctx.layout().generated(), ctx.layout().metrics(),
        ctx.layout().eigenvalues(), EigenvalueStudyJob.frontSpeedTable(ctx))) {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table);
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        continue;
      }
      var files = fs.listFiles(p, true);
      while (files.hasNext()) {
        var f = files.next();
        if (f.getPath().getName().startsWith("_DONE.")) {
          markers.add(f.getPath() + " " + f.getLen() + " " + f.getModificationTime());
        }
      }
    }
    markers.forEach(m -> sb.append('\n').append(m));
    return "{\"inputs\":\"" + ConfigHash.of(com.typesafe.config.ConfigFactory.parseMap(
        java.util.Map.of("inputs", sb.toString())), "inputs") + "\"}";
  }

  /** Reads the run's tables and writes the plots and report.md (what the command and a pipeline call). */
  public static ReportWriter.Written write(SparkSession spark, RunContext ctx) {
    ReportConfig rc = ReportConfig.from(ctx.config(), ctx.sigma());
    return new ReportWriter(rc).write(ctx.storage().local(), inputs(spark, ctx, rc));
  }

  /** Everything the report shows, read from the run's tables. */
  public static ReportInputs inputs(SparkSession spark, RunContext ctx, ReportConfig rc) {
    String experiment = ctx.experiment();
    int dim = ctx.config().getInt("experiment.dim");
    boolean kpp = ctx.config().getString("experiment.system").equals("kpp");
    List<MetricRow> metrics = metrics(spark, ctx.layout().metrics(), experiment);
    Map<Double, ReportInputs.Projection> projections = new LinkedHashMap<>();
    for (double s : rc.projectionSigma()) {
      projections.put(s, projection(spark, ctx, rc, s, dim, kpp));
    }
    WarmStart warm = kpp ? warmStart(spark, ctx.layout().eigenvalues(), experiment)
        : new WarmStart(List.of(), Map.of());
    List<EigenRow> eigen = warm.rows();
    Map<Integer, Double> reference = warm.reference();
    List<FrontSpeed> speeds = new ArrayList<>();
    String scan = EigenvalueStudyJob.frontSpeedTable(ctx);
    if (kpp && exists(spark, scan)) {
      TreeMap<Integer, List<FrontSpeed.Point>> points = new TreeMap<>();
      Map<Integer, Double> sigma = new HashMap<>();
      for (Row r : spark.read().parquet(scan).where(col("experiment").equalTo(experiment)).orderBy("lambda")
          .collectAsList()) {
        int i = r.getInt(r.fieldIndex("sigma_index"));
        sigma.put(i, r.getDouble(r.fieldIndex("sigma")));
        points.computeIfAbsent(i, k -> new ArrayList<>()).add(new FrontSpeed.Point(r.getDouble(r.fieldIndex("lambda")),
            r.getDouble(r.fieldIndex("mu"))));
      }
      points.forEach((i, p) -> speeds.add(new FrontSpeed(experiment, sigma.get(i), i, p)));
    }
    return new ReportInputs(experiment, metrics, ctx.sigma().train().min(), ctx.sigma().train().max(),
        logSigma(ctx.sigma()),
        projections, eigen, reference, speeds, curves(ctx));
  }

  /** A log sigma axis only where the test grid spans well over a decade: XChart labels decades only. */
  static boolean logSigma(org.twostep.common.config.SigmaCatalogue sigma) {
    return sigma.test().max() / sigma.test().min() > 20;
  }

  /** The loss curves of the models trained in the run (MeanFlow, the corrector with its validations, IMM). */
  static List<TrainingCurveChart.Curve> curves(RunContext ctx) {
    RunLayoutPaths paths = RunLayoutPaths.of(ctx.storage());
    List<TrainingCurveChart.Curve> curves = new ArrayList<>();
    String corrector = Models.correctorName(ctx.config());
    for (String model : List.of(Models.MEANFLOW, corrector, Models.IMM)) {
      Path dir = Models.dir(paths, model);
      LossLog log = LossLog.read(dir.resolve(ModelDirectory.LOSS), Integer.MAX_VALUE);
      if (log.size() == 0) {
        continue;
      }
      int[] steps = new int[log.size()];
      double[] loss = new double[log.size()];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = log.step(i);
        loss[i] = log.loss(i);
      }
      CorrectorCard card = model.equals(corrector) ? CorrectorCard.readFrom(dir) : null;
      List<CorrectorCard.ValidationPoint> v = card != null ? card.validations() : List.of();
      curves.add(new TrainingCurveChart.Curve(model, steps, loss,
          v.stream().mapToInt(CorrectorCard.ValidationPoint::step).toArray(),
          v.stream().mapToDouble(CorrectorCard.ValidationPoint::w2sq).toArray()));
    }
    return curves;
  }

  /**
   * The metric rows of one experiment in a {@code metrics/} table, by model and sigma_index, the floor replicas folded
   * into their mean {@code noise_floor} row.
   */
  static List<MetricRow> metrics(SparkSession spark, String table, String experiment) {
    return MetricTables.metricRows(
        table(spark, table, experiment, "evaluate").orderBy("model", "sigma_index").collectAsList());
  }

  /**
   * The KPP warm-start study's rows and the long-run reference by sigma_index.
   *
   * @param reference simulate's cold run of the test split, at its last generation
   */
  record WarmStart(List<EigenRow> rows, Map<Integer, Double> reference) {}

  /** The warm start of one experiment in an {@code eigenvalues/} table (empty when the table does not exist). */
  static WarmStart warmStart(SparkSession spark, String table, String experiment) {
    List<EigenRow> eigen = new ArrayList<>();
    Map<Integer, Double> reference = new HashMap<>();
    if (exists(spark, table)) {
      Dataset<Row> e = spark.read().parquet(table).where(col("experiment").equalTo(experiment));
      for (Row r : e.where(col("split").equalTo(WarmStartStudy.SPLIT)).collectAsList()) {
        eigen.add(MetricTables.eigenRow(r));
      }
      TreeMap<Integer, Integer> last = new TreeMap<>();
      for (Row r : e.where(col("split").equalTo("test")).collectAsList()) {
        EigenRow x = MetricTables.eigenRow(r);
        if (x.generation() >= last.getOrDefault(x.sigmaIndex(), 0)) {
          last.put(x.sigmaIndex(), x.generation());
          reference.put(x.sigmaIndex(), x.muN());
        }
      }
    }
    return new WarmStart(eigen, reference);
  }

  private static ReportInputs.Projection projection(SparkSession spark, RunContext ctx, ReportConfig rc, double sigma,
      int dim, boolean kpp) {
    int index = ctx.sigma().indexOf(sigma);
    List<org.apache.spark.sql.Column> cols = new ArrayList<>(List.of(col("particle").cast("int")));
    ParticleTables.axes(dim).forEach(a -> cols.add(col(a).cast("float")));
    org.apache.spark.sql.Column[] select = cols.toArray(org.apache.spark.sql.Column[]::new);
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    ParticleCloud reference = MetricTables.cloud(table(spark, ctx.layout().particles(), ctx.experiment(), "simulate")
        .where(col("split").equalTo("test").and(col("sigma_index").equalTo(index))).select(select).collectAsList(), dim);
    if (reference.size() == 0) {
      throw new InvalidInputException("particles/ has no test reference at sigma " + sigma + " (report.projection_sigma)");
    }
    clouds.put("reference", reference);
    if (exists(spark, ctx.layout().generated())) {
      Dataset<Row> g = spark.read().parquet(ctx.layout().generated())
          .where(col("experiment").equalTo(ctx.experiment()).and(col("sigma_index").equalTo(index)));
      for (String model : rc.projectionModels()) {
        List<Row> pts = g.where(col("model").equalTo(model)).select(select).collectAsList();
        if (!pts.isEmpty()) { // a model the config does not train is simply not drawn
          clouds.put(model, MetricTables.cloud(pts, dim));
        }
      }
    }
    EvaluateConfig eval = EvaluateConfig.from(ctx.config());
    PlotBox box = kpp ? PlotBox.torus(dim, ctx.config().getDouble("kpp.domain_length"))
        : PlotBox.around(reference, eval.padding());
    return new ReportInputs.Projection(clouds, box);
  }

  private static Dataset<Row> table(SparkSession spark, String table, String experiment, String stage) {
    if (!exists(spark, table)) {
      throw new InvalidInputException(table + " does not exist: run `twostep " + stage + "` first");
    }
    return spark.read().parquet(table).where(col("experiment").equalTo(experiment));
  }

  private static boolean exists(SparkSession spark, String table) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + table, e);
    }
  }
}
