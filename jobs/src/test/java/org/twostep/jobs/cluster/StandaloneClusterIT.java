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
  static final String[] TINY = {"ks.particles=256", "ks.t_end=0.002", "sigma.train=[20, 40]", "sigma.test=[20, 40, 60]"};
  /** Nine tasks of a few seconds each, long enough to lose a worker or the driver in the middle. */
  static final String[] LONG = {"ks.particles=4000", "ks.t_end=0.06", "sigma.train=[20, 40, 80]",
      "sigma.test=[20, 60, 100]"};

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
  void clusterRunEqualsTheEmbeddedRunBitForBit() throws Exception {
    Path embedded = embedded("tiny", TINY);
    Path out = WORK.resolve("cluster-tiny");
    long t0 = System.nanoTime();
    Process p = cluster.submit(WORK.resolve("submit-tiny.log"), Map.of(), simulate(out, TINY));
    assertExit(0, p, WORK.resolve("submit-tiny.log"), 5);
    timing("cluster simulate, 8 tiny tasks (incl. executor start)", t0);
    String log = Files.readString(WORK.resolve("submit-tiny.log"));
    assertTrue(log.contains("8 task(s) planned, 0 skipped (complete), 8 computed"), log);
    assertTrue(cluster.log("master").contains("Registering app twostep"), "the app ran on the standalone master");
    Tables.assertSameBits(spark, embedded.resolve("particles").toString(), out.resolve("particles").toString());
    List<String> markers = Tables.markers(out.resolve("particles"));
    assertEquals(Tables.markers(embedded.resolve("particles")), markers);
    String marker = Files.readString(out.resolve("particles").resolve(markers.get(0)));
    String embeddedMarker = Files.readString(embedded.resolve("particles").resolve(markers.get(0)));
    assertEquals(field(embeddedMarker, "config_hash"), field(marker, "config_hash"));
    assertNotEquals("0.1.0-dev", field(marker, "code_version"), "the thin jar carries its Implementation-Version");
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
    Path embedded = embedded("long", LONG);
    Path out = WORK.resolve("cluster-worker-kill");
    Path log = WORK.resolve("submit-worker-kill.log");
    long t0 = System.nanoTime();
    Process p = cluster.submit(log, Map.of(), simulate(out, LONG));
    awaitLog(log, Pattern.compile("\\[1/9\\] .* done"), p, 4);
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
  void aDriverKilledMidWriteLeavesNothingCompleteAndTheRerunFinishes() throws Exception {
    Path embedded = embedded("long", LONG);
    Path out = WORK.resolve("cluster-driver-kill");
    Path log = WORK.resolve("submit-driver-kill.log");
    Process p = cluster.submit(log, Map.of(), simulate(out, LONG));
    awaitLog(log, Pattern.compile("\\[2/9\\] .* done"), p, 6);
    p.destroyForcibly().waitFor(); // SIGKILL of the driver JVM: tasks were writing into the staging directory
    Path table = out.resolve("particles");
    assertEquals(List.of(), Tables.markers(table), "no unit is marked complete");
    assertEquals(List.of(), Tables.publishedParts(table), "no file outside staging");
    Process rerun = cluster.submit(WORK.resolve("submit-driver-rerun.log"), Map.of(), simulate(out, LONG));
    assertExit(0, rerun, WORK.resolve("submit-driver-rerun.log"), 8);
    assertTrue(Files.readString(WORK.resolve("submit-driver-rerun.log")).contains("9 computed"));
    try (var s = Files.list(table)) {
      assertTrue(s.noneMatch(f -> f.getFileName().toString().startsWith("_staging-")), "the dead run's staging is swept");
    }
    Tables.assertSameBits(spark, embedded.resolve("particles").toString(), table.toString());
    assertEquals(9, Tables.markers(table).size());
  }

  private static String[] simulate(Path out, String... overrides) {
    List<String> a = new ArrayList<>(List.of("simulate", "--config", CONFIG, "--profile", "quick", "--out", out.toString()));
    a.addAll(List.of(overrides));
    return a.toArray(String[]::new);
  }

  /** The embedded run (local[*] in this JVM, the launcher's code path), once per configuration. */
  private static synchronized Path embedded(String name, String... overrides) {
    return EMBEDDED.computeIfAbsent(name, n -> {
      Path out = WORK.resolve("embedded-" + n);
      long t0 = System.nanoTime();
      assertEquals(0, Twostep.execute(simulate(out, overrides)), "embedded simulate " + n);
      timing("embedded simulate, " + n, t0);
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
