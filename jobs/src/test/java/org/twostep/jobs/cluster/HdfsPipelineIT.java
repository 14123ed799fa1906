package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.twostep.jobs.cli.Twostep;
import org.twostep.jobs.spark.Sessions;
import org.yaml.snakeyaml.Yaml;

/**
 * twostep on a real HDFS: a NameNode and a DataNode in this JVM ({@code hadoop-client-minicluster}, the Hadoop of
 * Spark 4.0.1) beside the standalone Spark cluster. The quick pipeline (tiny overrides) into {@code hdfs://} equals
 * the embedded local run bit for bit and a second run, from an empty working copy, does no work; then the command
 * lines of the three schedules under {@code deploy/} — read from the files, never copied here — run against the
 * cluster and HDFS.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsPipelineIT {
  static final Path ROOT = StandaloneClusterIT.ROOT;
  static final Path WORK = Path.of(System.getProperty("twostep.target", "target")).toAbsolutePath().resolve("hdfs-it");
  static final String[] TINY = StandaloneClusterIT.TINY_PIPELINE;
  static final String[] TIMES = StandaloneClusterIT.TIMES;

  static MiniDFSCluster hdfs;
  static String uri;
  static LocalCluster cluster;
  static SparkSession spark;
  static final List<String> TIMINGS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    StandaloneClusterIT.deleteRecursively(WORK);
    Files.createDirectories(WORK);
    long t0 = System.nanoTime();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, WORK.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf, WORK.resolve("hdfs").toFile()).numDataNodes(1).build();
    hdfs.waitActive();
    uri = hdfs.getURI().toString(); // hdfs://localhost:PORT
    timing("HDFS start (NameNode + DataNode)", t0);
    spark = Sessions.get();
  }

  @AfterAll
  static void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
    Files.write(WORK.resolve("timings.txt"), TIMINGS);
  }

  @Test
  @Order(1)
  void theQuickPipelineOnHdfsEqualsTheLocalRunBitForBitAndASecondRunDoesNoWork() throws Exception {
    Path local = WORK.resolve("local");
    String remote = uri + "/runs/tiny";
    long t0 = System.nanoTime();
    assertEquals(0, pipeline(local.toString(), WORK.resolve("cache-1")).code, "local pipeline");
    timing("embedded pipeline, tiny, local disk", t0);
    t0 = System.nanoTime();
    Run first = pipeline(remote, WORK.resolve("cache-1"));
    timing("embedded pipeline, tiny, HDFS", t0);
    assertEquals(0, first.code, first.out);
    for (String table : List.of("particles", "generated")) {
      Tables.assertSameBits(spark, local.resolve(table).toString(), remote + "/" + table, TIMES);
    }
    // W2 is computed inside one task per pair: bit for bit. The moment errors are Spark aggregates whose summation
    // order follows the input splits (local files vs HDFS blocks), so they agree to rounding only (as on the cluster).
    String lm = local.resolve("metrics").toString();
    Tables.assertSameBits(spark, lm, remote + "/metrics", StandaloneClusterIT.concat(TIMES, "mean_error", "cov_error"));
    Tables.assertClose(spark, lm, remote + "/metrics", List.of("model", "metric", "sigma_index"),
        List.of("mean_error", "cov_error"), 1e-12);
    FileSystem fs = hdfs.getFileSystem();
    for (String file : List.of("models/meanflow/params.ndlist", "models/meanflow_dp/card.json", "models/imm/loss.csv",
        "run.conf", "timings.csv", "report.md", "plots/w2_vs_sigma.png")) {
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/runs/tiny/" + file)), file + " is on HDFS");
    }
    byte[] params = fs.open(new org.apache.hadoop.fs.Path("/runs/tiny/models/meanflow/params.ndlist")).readAllBytes();
    assertEquals(-1, java.util.Arrays.mismatch(Files.readAllBytes(local.resolve("models/meanflow/params.ndlist")), params),
        "MeanFlow trained bit for bit");

    // another machine: an empty working copy; everything it needs to skip is on HDFS
    t0 = System.nanoTime();
    Run second = pipeline(remote, WORK.resolve("cache-2"));
    timing("embedded pipeline, tiny, HDFS, second run (nothing to do)", t0);
    assertEquals(0, second.code, second.out);
    assertTrue(second.out.contains("0 computed"), second.out);
    assertFalse(second.out.contains(" step(s) from step"), "no training step runs again:\n" + second.out);
    assertTrue(second.out.contains("report ks-laminar-3d: up to date"), second.out);
    assertEquals(List.of(), Pattern.compile("(\\d+) computed").matcher(second.out).results()
        .map(m -> m.group(1)).filter(n -> !n.equals("0")).toList(), second.out);
  }

  /**
   * {@code validate} with its root on HDFS: the seed runs share the simulation and another variant's models by copies
   * within HDFS, and the validation table equals the one of the same validation on local disk.
   */
  @Test
  @Order(3)
  void validateOnHdfsSharesTheSimulationAndModelsThereAndScoresAsOnLocalDisk() throws Exception {
    List<String> tiny = List.of("validate", "--config", StandaloneClusterIT.CONFIG, "--profile", "quick", "--seeds",
        "1", "ks.particles=256", "ks.t_end=0.002", "sigma.train=[20, 40, 60]", "sigma.test=[20, 60]",
        "simulate.floor_replicas=1", "meanflow.steps=60", "meanflow.batch_size=128", "dp.steps=20",
        "dp.batch_size=64", "dp.validate_every=10", "dp.validation_size=20", "dp.frame_samples=200");
    Path local = WORK.resolve("validate-local");
    String remote = uri + "/validate";
    long t0 = System.nanoTime();
    Run l = launch(with(tiny, "--out", local.toString(), "--variant", "tiny"), WORK.resolve("cache-v"));
    timing("validate, tiny, local disk", t0);
    assertEquals(0, l.code, l.out);
    t0 = System.nanoTime();
    Run r = launch(with(tiny, "--out", remote, "--variant", "tiny"), WORK.resolve("cache-v"));
    timing("validate, tiny, HDFS", t0);
    assertEquals(0, r.code, r.out);
    FileSystem fs = hdfs.getFileSystem();
    String csv = new String(fs.open(new org.apache.hadoop.fs.Path("/validate/tiny/validation.csv")).readAllBytes(),
        StandardCharsets.UTF_8);
    assertEquals(Files.readString(local.resolve("tiny/validation.csv")), csv, "the same table on HDFS as on disk");
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/validate/tiny/s1/particles")), "the seed's run is on HDFS");

    // a sampling variant reuses the first variant's models, copied within HDFS: nothing is trained again
    Run trust = launch(with(tiny, "--out", remote, "--variant", "trust0", "--models-from", "tiny",
        "dp.trust_width=0"), WORK.resolve("cache-v2"));
    assertEquals(0, trust.code, trust.out);
    assertFalse(trust.out.contains(" step(s) from step"), "no model trained again:\n" + trust.out);
    assertTrue(trust.out.contains("train meanflow_dp ks-laminar-3d: finished model with config"), trust.out);
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/validate/trust0/s1/models/meanflow_dp/card.json")));
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/validate/trust0/validation.csv")));
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args.subList(0, 1));
    all.addAll(List.of(more));
    all.addAll(args.subList(1, args.size()));
    return all;
  }

  /** The schedules' command lines, parsed from deploy/, run on the standalone cluster against HDFS. */
  @Test
  @Order(2)
  void theSchedulesRunWhatTheyDeclareOnTheClusterAndHdfs() throws Exception {
    cluster = new LocalCluster(ROOT, WORK.resolve("cluster"), 2);
    long t0 = System.nanoTime();
    cluster.start();
    timing("cluster start (master + 2 workers)", t0);
    String nightly = uri + "/nightly";

    List<List<String>> airflow = airflowCommands(nightly);
    assertEquals(List.of("pipeline", "status"), airflow.stream().map(a -> a.get(0)).distinct().toList());
    List<String> pipeline = airflow.get(0);
    assertEquals(nightly + "/ks-laminar-3d", pipeline.get(pipeline.indexOf("--out") + 1));
    Run a = submit("airflow-pipeline", pipeline);
    assertTrue(Pattern.compile("all \\d+ stages done").matcher(a.out).find(), a.out);
    assertTrue(a.out.contains("8 computed"), a.out);
    Run status = submit("airflow-status", airflow.get(1));
    assertTrue(status.out.contains("particles: {complete=8}") || status.out.contains("complete"), status.out);
    assertFalse(status.out.toLowerCase(Locale.ROOT).matches("(?s).*\\b(stale|missing|incomplete)=.*"), status.out);

    // the Kubernetes manifest and the crontab schedule the same experiment with the same settings: nothing to do
    Run k = submit("kubernetes-pipeline", kubernetesCommand(nightly));
    assertTrue(k.out.contains("0 computed") && !k.out.contains(" step(s) from step"), k.out);
    List<List<String>> cron = cronCommands(nightly);
    assertEquals(List.of("pipeline", "status"), cron.stream().map(c -> c.get(0)).toList());
    Run c = submit("cron-pipeline", cron.get(0));
    assertTrue(c.out.contains("0 computed") && !c.out.contains(" step(s) from step"), c.out);
    submit("cron-status", cron.get(1));
  }

  /**
   * The DAG's SparkSubmitOperator calls, by running the DAG file with a stand-in for Airflow's classes that records
   * their arguments (TWOSTEP_HOME = this checkout, TWOSTEP_OUT = the test's HDFS); the first experiment's tasks.
   */
  static List<List<String>> airflowCommands(String out) throws Exception {
    Path stub = WORK.resolve("airflow-stub");
    Path pkg = stub.resolve("airflow/providers/apache/spark/operators");
    Files.createDirectories(pkg);
    for (Path p = pkg; !p.equals(stub); p = p.getParent()) {
      Files.writeString(p.resolve("__init__.py"), "");
    }
    Files.writeString(stub.resolve("airflow/__init__.py"), """
        class DAG:
            def __init__(self, **kw): pass
            def __enter__(self): return self
            def __exit__(self, *a): return False
        """);
    Files.writeString(pkg.resolve("spark_submit.py"), """
        CALLS = []
        class SparkSubmitOperator:
            def __init__(self, **kw): CALLS.append(kw)
            def __rshift__(self, other): return other
        """);
    Path runner = stub.resolve("run_dag.py");
    Files.writeString(runner, """
        import json, runpy, sys
        from airflow.providers.apache.spark.operators import spark_submit
        runpy.run_path(sys.argv[1])
        print(json.dumps(spark_submit.CALLS, default=str))
        """);
    ProcessBuilder b = new ProcessBuilder("python3", runner.toString(),
        ROOT.resolve("deploy/airflow/twostep_nightly_sweep.py").toString()).redirectErrorStream(true);
    b.environment().put("PYTHONPATH", stub.toString());
    b.environment().put("TWOSTEP_HOME", ROOT.toString());
    b.environment().put("TWOSTEP_OUT", out);
    Process p = b.start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), json);
    List<Map<String, Object>> calls = new Gson().fromJson(json.lines().reduce((x, y) -> y).orElseThrow(),
        new TypeToken<List<Map<String, Object>>>() {}.getType());
    List<List<String>> commands = new ArrayList<>();
    for (Map<String, Object> call : calls.subList(0, 2)) {
      assertEquals("cluster", call.get("deploy_mode"), "the driver trains: not on the Airflow worker");
      @SuppressWarnings("unchecked")
      List<String> args = new ArrayList<>((List<String>) call.get("application_args"));
      // cluster mode ships the experiment file (files=) into the driver's working directory; the local cluster runs
      // the driver in client mode, so it is given the file that would be shipped
      int conf = args.indexOf("--config") + 1;
      assertEquals(ROOT.resolve("conf").resolve(args.get(conf)).toString(), call.get("files"));
      args.set(conf, (String) call.get("files"));
      commands.add(args);
    }
    return commands;
  }

  /** The manifest's arguments; its ConfigMap mount is conf/ here and its bucket the test's HDFS. */
  @SuppressWarnings("unchecked")
  static List<String> kubernetesCommand(String nightly) throws IOException {
    Map<String, Object> doc = new Yaml().load(Files.readString(ROOT.resolve("deploy/kubernetes/twostep-nightly.yaml")));
    Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) doc.get("spec")).get("template");
    List<String> args = new ArrayList<>();
    for (String a : (List<String>) t.get("arguments")) {
      args.add(a.replace("/etc/twostep/", ROOT.resolve("conf") + "/").replaceFirst("^s3a://[^/]+/nightly", nightly));
    }
    assertTrue(args.get(args.indexOf("--out") + 1).startsWith(nightly), "the manifest writes to shared storage: " + args);
    return args;
  }

  /** The crontab's twostep command lines (after {@code --}), expanded by bash with its variables, TWOSTEP_OUT the test's. */
  static List<List<String>> cronCommands(String nightly) throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("deploy/cron/twostep.crontab"));
    Map<String, String> env = new LinkedHashMap<>();
    List<List<String>> commands = new ArrayList<>();
    for (String line : lines) {
      Matcher v = Pattern.compile("^([A-Z_]+)=(.*)$").matcher(line);
      if (v.matches()) {
        env.put(v.group(1), v.group(2));
        continue;
      }
      Matcher cmd = Pattern.compile("deploy/spark-submit\\.sh .* -- (.*?)\\s*>>.*$").matcher(line);
      if (line.startsWith("#") || !cmd.find()) {
        continue;
      }
      env.put("TWOSTEP_HOME", ROOT.toString());
      env.put("TWOSTEP_OUT", nightly);
      ProcessBuilder b = new ProcessBuilder("bash", "-c", "cd \"$TWOSTEP_HOME\" && printf '%s\\n' " + cmd.group(1))
          .redirectErrorStream(true);
      b.environment().putAll(env);
      Process p = b.start();
      String words = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      commands.add(words.lines().map(w -> w.startsWith("conf/") ? ROOT.resolve(w).toString() : w).toList());
    }
    return commands;
  }

  record Run(int code, String out) {}

  /** A schedule's command on the cluster: the quick profile with the tiny overrides instead of paper. */
  private static Run submit(String name, List<String> command) throws Exception {
    List<String> args = new ArrayList<>(command);
    int profile = args.indexOf("--profile");
    if (profile >= 0) {
      args.set(profile + 1, "quick");
    }
    args.addAll(List.of(TINY));
    Path log = WORK.resolve("submit-" + name + ".log");
    long t0 = System.nanoTime();
    Process p = cluster.submit(log, Map.of(), args.toArray(String[]::new));
    if (!p.waitFor(12, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(name + " still running after 12 min");
    }
    timing("cluster " + name, t0);
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
    return new Run(0, out);
  }

  /** The quick pipeline with the tiny overrides, in this JVM, into {@code out}. */
  private static Run pipeline(String out, Path cache) {
    List<String> args = new ArrayList<>(List.of("pipeline", "--config", StandaloneClusterIT.CONFIG, "--profile",
        "quick", "--out", out, "--quiet"));
    args.addAll(List.of(TINY));
    return launch(args, cache);
  }

  /** The launcher in this JVM (embedded Spark) with {@code cache} as the working copy of a remote run. */
  private static Run launch(List<String> args, Path cache) {
    System.setProperty("twostep.cache", cache.toString());
    try {
      picocli.CommandLine cli = Twostep.commandLine();
      java.io.StringWriter text = new java.io.StringWriter();
      cli.setOut(new java.io.PrintWriter(text));
      cli.setErr(new java.io.PrintWriter(text));
      int code = cli.execute(args.toArray(String[]::new));
      return new Run(code, text.toString());
    } finally {
      System.clearProperty("twostep.cache");
    }
  }

  private static void timing(String what, long t0) {
    TIMINGS.add(String.format(Locale.ROOT, "%-60s %7.1f s", what, (System.nanoTime() - t0) / 1e9));
  }
}
