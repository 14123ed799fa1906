package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill: {@code simulate} runs in a child JVM and gets SIGKILL once some units are published. The rerun computes
 * only the units without a marker, and every file holds an uninterrupted run's rows. Every run is a fresh
 * launcher JVM, as a user's would be. The files are compared row for row: byte for byte, a unit written by the
 * killed run or its rerun differed from the uninterrupted run's in one byte near the end of the file (not understood).
 */
class SimulateKillTest {
  @TempDir Path dir;

  /** 2 train + 3 test + 3 x 3 floor references = 14 units, each a fraction of a second. */
  private static final List<String> TINY = List.of("ks.particles=300", "ks.t_end=0.004", "sigma.train=[20, 40]",
      "sigma.test=[20, 40, 60]");
  private static final int PLANNED = 14;

  private static List<String> args(Path out) {
    List<String> a = new ArrayList<>(List.of("simulate", "--config", Path.of("../conf/ks-laminar-3d.conf").toString(),
        "--profile", "quick", "--out", out.toString(), "--quiet"));
    a.addAll(TINY);
    return a;
  }

  @Test
  void aKilledRunKeepsItsPublishedUnitsAndTheRerunComputesOnlyTheRest() throws Exception {
    Path killed = dir.resolve("killed");
    Process child = childJvm(args(killed), dir.resolve("child.log"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (markers(killed).size() < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child was still running when killed: " + Files.readString(dir.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    assertTrue(child.waitFor(1, TimeUnit.MINUTES));
    int kept = markers(killed).size();
    assertTrue(kept >= 3 && kept < PLANNED, kept + " units published before the kill");

    String rerun = finish(childJvm(args(killed), dir.resolve("rerun.log")), dir.resolve("rerun.log"));
    Matcher m = Pattern.compile("(\\d+) task\\(s\\) planned, (\\d+) skipped \\(complete\\), (\\d+) computed")
        .matcher(rerun);
    assertTrue(m.find(), rerun);
    assertEquals(List.of(PLANNED, kept, PLANNED - kept),
        List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
        "only the units without a marker are recomputed");

    Path whole = dir.resolve("whole"); // uninterrupted, in a fresh JVM as well
    finish(childJvm(args(whole), dir.resolve("whole.log")), dir.resolve("whole.log"));
    TreeMap<String, byte[]> a = parquetFiles(killed.resolve("particles"));
    TreeMap<String, byte[]> b = parquetFiles(whole.resolve("particles"));
    assertEquals(b.keySet(), a.keySet(), "the same files, no orphan of the killed run left");
    assertEquals(PLANNED, a.size());
    org.apache.spark.sql.SparkSession spark = org.twostep.jobs.spark.Sessions.get();
    // row for row, not byte for byte: a rerun's footers list each column chunk's encodings (PLAIN_DICTIONARY,
    // BIT_PACKED) in another order, as Parquet keeps them in a hash set of enums, whose identity hash codes follow the
    // JVM's history (two uninterrupted runs write identical files)
    for (String f : a.keySet()) {
      assertEquals(spark.read().parquet(whole.resolve("particles").resolve(f).toString()).collectAsList(),
          spark.read().parquet(killed.resolve("particles").resolve(f).toString()).collectAsList(),
          f + " holds the uninterrupted run's rows");
    }
    assertEquals(markers(whole).keySet(), markers(killed).keySet());
    assertTrue(Files.notExists(killed.resolve("_staging/particles")) || isEmpty(killed.resolve("_staging/particles")),
        "the killed run's staging is swept");
  }

  /** Published markers by path relative to the table. */
  private static TreeMap<String, Path> markers(Path run) throws IOException {
    TreeMap<String, Path> found = new TreeMap<>();
    Path table = run.resolve("particles");
    if (!Files.isDirectory(table)) {
      return found;
    }
    try (Stream<Path> s = Files.walk(table)) {
      s.filter(p -> p.getFileName().toString().startsWith("_DONE.")).forEach(p -> found.put(table.relativize(p)
          .toString(), p));
    } catch (java.io.UncheckedIOException e) {
      return markers(run); // a file moved while walking: look again
    }
    return found;
  }

  /** What a reader globbing {@code particles/**}{@code /*.parquet} sees, by relative path. */
  private static TreeMap<String, byte[]> parquetFiles(Path table) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(table)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
        files.put(table.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static boolean isEmpty(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isEmpty();
    }
  }

  /** Waits for a child run to end with exit 0; its output. */
  private static String finish(Process p, Path log) throws Exception {
    assertTrue(p.waitFor(4, TimeUnit.MINUTES), "the run ends");
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /** The launcher in a fresh JVM with this test JVM's flags and class path, one Spark core. */
  private static Process childJvm(List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String f : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (f.startsWith("--add-") || f.startsWith("-XX:") || f.startsWith("-Djdk.") || f.startsWith("-Dio.netty")) {
        cmd.add(f);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-Dspark.master=local[1]", "-Dspark.ui.enabled=false", "-cp",
        System.getProperty("java.class.path"), Twostep.class.getName()));
    cmd.addAll(args);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
