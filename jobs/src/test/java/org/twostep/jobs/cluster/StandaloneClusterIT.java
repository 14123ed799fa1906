package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.twostep.jobs.cli.Twostep;
import org.twostep.jobs.spark.Sessions;

/**
 * twostep on a real Spark standalone cluster (one master, two workers, separate JVMs on loopback, shared-secret
 * authentication), submitted with SparkSubmit and the thin jar exactly as {@code spark-submit} would: the outputs equal
 * the embedded run's bit for bit; a submission without the secret is refused; a worker killed mid-run and a driver
 * killed mid-write do not change what is finally published.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  static final Path ROOT = Path.of(System.getProperty("twostep.root", "..")).toAbsolutePath().normalize();
  static final Path WORK = Path.of(System.getProperty("twostep.target", "target")).toAbsolutePath().resolve("cluster-it");
  static final String CONFIG = ROOT.resolve("conf/ks-laminar-3d.conf").toString();

  /** Eight tiny tasks: the whole cluster round trip in well under a minute. */
  static final String[] TINY = {"ks.particles=256", "ks.t_end=0.002", "sigma.train=[20, 40]", "sigma.test=[20, 40, 60]",
      "simulate.floor_replicas=1"};
  /** The whole pipeline on the tiny clouds: a few hundred training steps per model. */
  static final String[] TINY_PIPELINE = concat(TINY, "meanflow.steps=200", "meanflow.batch_size=128",
      "meanflow.checkpoint_every=50", "dp.steps=100", "dp.batch_size=128", "imm.steps=100", "imm.batch_size=128");
  /** Columns that are wall times or the code version, equal only by accident between two runs. */
  static final String[] TIMES = {"seconds", "code_version", "run_id"};
  /** Nine tasks of a few seconds each, long enough to lose a worker or the driver in the middle. */
  static final String[] LONG = {"ks.particles=4000", "ks.t_end=0.06", "sigma.train=[20, 40, 80]",
      "sigma.test=[20, 60, 100]", "simulate.floor_replicas=1"};

  static LocalCluster cluster;
  static SparkSession spark;
  static final Map<String, Path> EMBEDDED = new HashMap<>();
  static final List<String> TIMINGS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    cluster = new LocalCluster(ROOT, WORK.resolve("cluster"), 2);
    long t0 = System.nanoTime();
    String url = cluster.start();
    timing("cluster start (master + 2 workers)", t0);
    assertTrue(url.matches("spark://127\\.0\\.0\\.1:\\d+"), url);
    spark = Sessions.get();
  }

  @AfterAll
  static void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    Files.write(WORK.resolve("timings.txt"), TIMINGS);
  }

  @Test
  @Order(1)
  void clusterPipelineEqualsTheEmbeddedRunBitForBit() throws Exception {
    Path embedded = embedded("pipeline-tiny", "pipeline", TINY_PIPELINE);
    Path out = WORK.resolve("cluster-tiny");
    Path log = WORK.resolve("submit-tiny.log");
    long t0 = System.nanoTime();
    Process p = cluster.submit(log, Map.of(), command("pipeline", out, TINY_PIPELINE));
    assertExit(0, p, log, 12);
    timing("cluster pipeline, tiny (8 simulate tasks, 3 models)", t0);
    String driver = Files.readString(log);
    assertTrue(driver.contains("8 task(s) planned, 0 skipped (complete), 8 computed"), tail(driver));
    assertTrue(Pattern.compile("all \\d+ stages done").matcher(driver).find(), tail(driver));
    assertTrue(cluster.log("master").contains("Registering app twostep"), "the app ran on the standalone master");
    for (String table : List.of("particles", "generated")) {
      Tables.assertSameBits(spark, embedded.resolve(table).toString(), out.resolve(table).toString(), TIMES);
    }
    // W2 is computed inside one task per pair: bit for bit. The moment errors are Spark aggregates whose summation
    // order follows the partitioning (local[*] vs two executors), so they agree to rounding only.
    String em = embedded.resolve("metrics").toString();
    String cm = out.resolve("metrics").toString();
    Tables.assertSameBits(spark, em, cm, concat(TIMES, "mean_error", "cov_error"));
    Tables.assertClose(spark, em, cm, List.of("model", "metric", "sigma_index"), List.of("mean_error", "cov_error"), 1e-12);
    List<String> models = List.of("meanflow", "meanflow_dp", "imm");
    for (String m : models) {
      Path params = Path.of("models", m, "params.ndlist");
      assertEquals(-1L, Files.mismatch(embedded.resolve(params), out.resolve(params)), m + " trained bit for bit");
    }
    List<String> markers = Tables.markers(out.resolve("particles"));
    assertEquals(Tables.markers(embedded.resolve("particles")), markers);
    String marker = Files.readString(out.resolve("particles").resolve(markers.get(0)));
    String embeddedMarker = Files.readString(embedded.resolve("particles").resolve(markers.get(0)));
    assertEquals(field(embeddedMarker, "config_hash"), field(marker, "config_hash"));
    assertNotEquals("0.1.0-dev", field(marker, "code_version"), "the thin jar carries its Implementation-Version");
    assertTrue(Files.isRegularFile(out.resolve("report.md")));
  }

  @Test
  @Order(2)
  void aSubmissionWithoutTheSecretIsRefused() throws Exception {
    Path out = WORK.resolve("no-secret");
    Path log = WORK.resolve("submit-no-secret.log");
    Process p = cluster.submit(log, Map.of("TWOSTEP_NO_AUTH", "1"), simulate(out, TINY));
    try {
      // the master drops the unauthenticated connection at once; the driver would retry for a minute before giving up
      awaitLog(log, Pattern.compile("Expected SaslMessage|Failed to connect to master"), p, 3);
    } finally {
      p.destroyForcibly().waitFor();
    }
    assertFalse(cluster.log("master").lines().filter(l -> l.contains("Registering app")).count() > 1,
        "the master registered no second application");
    assertTrue(Tables.publishedParts(out.resolve("particles")).isEmpty(), "nothing was computed");
  }

  @Test
  @Order(3)
  void aWorkerKilledMidRunChangesNothing() throws Exception {
    Path embedded = embedded("long", "simulate", LONG);
    Path out = WORK.resolve("cluster-worker-kill");
    Path log = WORK.resolve("submit-worker-kill.log");
    long t0 = System.nanoTime();
    Process p = cluster.submit(log, Map.of(), simulate(out, LONG));
    awaitLog(log, Pattern.compile("simulate: \\d+% \\(1/9 tasks"), p, 4);
    // simulate runs one job per unit: kill the worker only once both executors run a later unit's task, so the dead
    // worker surely holds one
    for (int e = 0; e < 2; e++) {
      awaitLog(log, Pattern.compile("Starting task \\d+\\.0 in stage \\d+\\.0 \\(TID ([2-9]|\\d{2,})\\) "
          + "\\(127\\.0\\.0\\.1, ?executor " + e + ","), p, 4);
    }
    cluster.killWorker(1); // SIGKILL of the worker JVM by pid; its executor loses its worker and exits too
    assertExit(0, p, log, 8);
    timing("cluster simulate, 9 long tasks, worker 1 killed after the first", t0);
    String driver = Files.readString(log);
    assertTrue(Pattern.compile("Lost executor \\d+").matcher(driver).find(), "the driver saw the executor go: " + tail(driver));
    assertTrue(Pattern.compile("Starting task \\d+\\.1 in stage").matcher(driver).find(),
        "a task that was running on the dead worker ran again elsewhere: " + tail(driver));
    assertTrue(driver.contains("9 task(s) planned, 0 skipped (complete), 9 computed"), tail(driver));
    Tables.assertSameBits(spark, embedded.resolve("particles").toString(), out.resolve("particles").toString());
  }

  @Test
  @Order(4)
  void aDriverKilledMidRunKeepsItsPublishedUnitsAndTheRerunComputesOnlyTheRest() throws Exception {
    Path embedded = embedded("long", "simulate", LONG);
    Path out = WORK.resolve("cluster-driver-kill");
    Path log = WORK.resolve("submit-driver-kill.log");
    Process p = cluster.submit(log, Map.of(), simulate(out, LONG));
    awaitLog(log, Pattern.compile("simulate: \\d+% \\(2/9 tasks"), p, 6);
    p.destroyForcibly().waitFor(); // SIGKILL of the driver JVM: 2 units published, others in flight
    Path table = out.resolve("particles");
    int kept = Tables.markers(table).size();
    assertTrue(kept >= 2 && kept < 9, kept + " units were published before the kill");
    Process rerun = cluster.submit(WORK.resolve("submit-driver-rerun.log"), Map.of(), simulate(out, LONG));
    assertExit(0, rerun, WORK.resolve("submit-driver-rerun.log"), 8);
    assertTrue(Files.readString(WORK.resolve("submit-driver-rerun.log"))
        .contains(kept + " skipped (complete), " + (9 - kept) + " computed"), "only the unpublished units are redone");
    Path staging = out.resolve("_staging/particles");
    assertTrue(!Files.exists(staging) || Tables.publishedParts(staging).isEmpty(), "the dead run's staging is swept");
    Tables.assertSameBits(spark, embedded.resolve("particles").toString(), table.toString());
    assertEquals(9, Tables.markers(table).size());
  }

  @Test
  @Order(5)
  void aDriverKilledDuringDpTrainingResumesFromTheCheckpointWhenThePipelineIsRerun() throws Exception {
    Path out = WORK.resolve("cluster-dp-kill");
    copyTree(WORK.resolve("cluster-tiny/particles"), out.resolve("particles")); // simulate and MeanFlow are done
    copyTree(WORK.resolve("cluster-tiny/models/meanflow"), out.resolve("models/meanflow"));
    String[] dp = concat(TINY_PIPELINE, "pipeline.models=[meanflow_dp]", "dp.steps=3000", "dp.checkpoint_every=250",
        "dp.patience=1000");
    Path log = WORK.resolve("submit-dp-kill.log");
    Process p = cluster.submit(log, Map.of(), command("pipeline", out, dp));
    Path checkpoint = out.resolve("models/meanflow_dp/checkpoint/card.json");
    awaitFile(checkpoint, "\"stepsDone\"\\s*:\\s*([5-9]\\d\\d|\\d{4})", p, 6);
    p.destroyForcibly().waitFor(); // SIGKILL of the driver, which trains DP, after its checkpoint at step >= 500
    assertFalse(Files.exists(out.resolve("models/meanflow_dp/card.json")), "no finished model yet");
    Path rerunLog = WORK.resolve("submit-dp-rerun.log");
    Process rerun = cluster.submit(rerunLog, Map.of(), command("pipeline", out, dp));
    assertExit(0, rerun, rerunLog, 10);
    String driver = Files.readString(rerunLog);
    assertTrue(driver.contains("finished model with config") && driver.contains("train meanflow "),
        "MeanFlow is not retrained: " + tail(driver));
    Matcher m = Pattern.compile("train meanflow_dp \\S+: (\\d+) step\\(s\\) from step (\\d+)").matcher(driver);
    assertTrue(m.find(), tail(driver));
    assertTrue(Integer.parseInt(m.group(2)) >= 500, "resumed from the checkpoint, not step 0: " + m.group());
    assertEquals(3000, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), m.group());
    assertTrue(Files.readString(out.resolve("models/meanflow_dp/card.json")).matches("(?s).*\"finished\"\\s*:\\s*true.*"));
    assertTrue(Pattern.compile("all \\d+ stages done").matcher(driver).find(), tail(driver));
  }

  private static void awaitFile(Path file, String regex, Process p, int minutes) throws Exception {
    Pattern pattern = Pattern.compile(regex);
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    while (System.nanoTime() < end) {
      if (Files.exists(file) && pattern.matcher(read(file)).find()) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("submission ended (" + p.exitValue() + ") before " + file + " matched " + regex);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(file + " never matched " + regex);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  private static String[] simulate(Path out, String... overrides) {
    return command("simulate", out, overrides);
  }

  private static String[] command(String command, Path out, String... overrides) {
    return concat(new String[] {command, "--config", CONFIG, "--profile", "quick", "--out", out.toString()}, overrides);
  }

  static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  /** The embedded run (local[*] in this JVM, the launcher's code path), once per configuration. */
  private static synchronized Path embedded(String name, String command, String... overrides) {
    return EMBEDDED.computeIfAbsent(name, n -> {
      Path out = WORK.resolve("embedded-" + n);
      long t0 = System.nanoTime();
      assertEquals(0, Twostep.execute(command(command, out, overrides)), "embedded " + command + " " + n);
      timing("embedded " + command + ", " + n, t0);
      return out;
    });
  }

  private static void assertExit(int expected, Process p, Path log, int minutes) throws Exception {
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("submission still running after " + minutes + " min: " + tail(Files.readString(log)));
    }
    assertEquals(expected, p.exitValue(), () -> tail(read(log)));
  }

  private static void awaitLog(Path log, Pattern pattern, Process p, int minutes) throws Exception {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && pattern.matcher(Files.readString(log)).find()) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("submission ended (" + p.exitValue() + ") before " + pattern + ": " + tail(read(log)));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + pattern + " within " + minutes + " min: " + tail(read(log)));
  }

  private static String field(String json, String key) {
    var m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return m.group(1);
  }

  private static void timing(String what, long t0) {
    TIMINGS.add(String.format(Locale.ROOT, "%-60s %7.1f s", what, (System.nanoTime() - t0) / 1e9));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  static void deleteRecursively(Path p) throws IOException {
    if (Files.exists(p)) {
      try (var s = Files.walk(p)) {
        for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }
}
