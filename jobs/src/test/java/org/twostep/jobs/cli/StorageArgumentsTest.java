package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every directory argument of every command takes a Hadoop URI; one the storage cannot serve (a malformed URI, a
 * scheme without a file system, a name node nobody runs) is one line naming it and exit code 2, before any work.
 */
class StorageArgumentsTest {
  static final String CONF = "../conf/ks-laminar-3d.conf";
  @TempDir Path dir;

  static List<List<String>> commands(String where) {
    List<String> experiment = List.of("--config", CONF, "--profile", "quick", "--out", where);
    List<List<String>> all = new ArrayList<>();
    for (List<String> c : List.of(List.of("pipeline"), List.of("simulate"), List.of("train", "--stage", "meanflow"),
        List.of("generate", "--model", "meanflow"), List.of("evaluate"), List.of("report"),
        List.of("import", "--from", "x.parquet"), List.of("validate"), List.of("ablate", "--param", "dp.steps=2"))) {
      List<String> args = new ArrayList<>(c);
      args.addAll(experiment);
      all.add(args);
    }
    all.add(List.of("status", "--out", where));
    all.add(List.of("show", where));
    all.add(List.of("compare", where, where));
    all.add(List.of("replot", where));
    all.add(List.of("sample", "--run", where, "--model", "meanflow", "--sigma", "20", "--n", "10", "--out", "x.csv"));
    all.add(List.of("bench", "speedup", "--run", where));
    all.add(List.of("publish", "--config", CONF, "--profile", "quick", "--runs", where, "--dest", where));
    return all;
  }

  @Test
  void aLocationTheStorageCannotServeIsOneLineAndExitTwoForEveryCommand() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    for (String bad : List.of("nosuchfs://bucket/run", "hdfs://127.0.0.1:" + closed + "/run")) {
      for (List<String> args : commands(bad)) {
        CliRun r = CliRun.of(args);
        assertEquals(Twostep.EXIT_BAD_INPUT, r.code(), args + ": " + r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), args + ": " + r.err());
        assertTrue(r.err().contains(bad), args + ": " + r.err());
      }
    }
  }

  @Test
  void showAndCompareReadARunByItsFileUri() throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("run.conf"), "experiment { name = ks-laminar-3d, system = ks, dim = 3, seed = 5 }\n");
    CliRun byPath = CliRun.of("show", run.toString());
    CliRun byUri = CliRun.of("show", run.toUri().toString());
    assertEquals(0, byUri.code(), byUri.err());
    assertEquals(byPath.out(), byUri.out(), "the same run either way");
    assertFalse(byUri.out().contains("file:"), byUri.out());
  }
}
