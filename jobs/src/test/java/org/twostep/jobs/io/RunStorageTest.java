package org.twostep.jobs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;

/** The storage layer against a real in-process HDFS (NameNode + DataNode) and the local file system. */
class RunStorageTest {
  static MiniDFSCluster hdfs;
  static Path base;
  @TempDir Path dir;

  @BeforeAll
  static void startHdfs() throws IOException {
    base = Files.createTempDirectory("run-storage-hdfs");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
    hdfs = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
    hdfs.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }

  private RunStorage remote(String name) {
    System.setProperty("twostep.cache", dir.resolve("cache").toString());
    try {
      return RunStorage.open(hdfs.getURI() + "/runs/" + name, hdfs.getConfiguration(0));
    } finally {
      System.clearProperty("twostep.cache");
    }
  }

  @Test
  void aLocalPathAndAFileUriAreTheirOwnWorkingCopyAndPullAndPushTouchNothing() throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run.resolve("models"));
    Files.writeString(run.resolve("models/card.json"), "{}");
    for (String location : new String[] {run.toString(), run.toUri().toString()}) {
      RunStorage s = RunStorage.open(location);
      assertFalse(s.remote(), location);
      assertEquals(run, s.local(), location);
      s.push("models");
      s.pull("models", "gone");
      assertEquals("{}", Files.readString(run.resolve("models/card.json")));
      assertTrue(s.exists("models/card.json"));
    }
  }

  /**
   * Why each stage pulls and pushes only its own model directories (Models.storageParts): two stages training at once
   * share the working copy, and a mirror of all of models/ deletes what the other has written and not yet pushed.
   */
  @Test
  void aStagesOwnModelDirectoryLeavesAnotherStagesUnpushedFilesAlone() throws IOException {
    RunStorage s = remote("two-stages");
    Path w = s.local();
    Files.createDirectories(w.resolve("models/meanflow"));
    Files.writeString(w.resolve("models/meanflow/card.json"), "{}");
    s.push("models/meanflow");
    Files.createDirectories(w.resolve("models/imm/checkpoint"));
    Files.writeString(w.resolve("models/imm/checkpoint/card.json"), "{\"stepsDone\":50}"); // IMM, not pushed yet

    s.pull(org.twostep.jobs.pipeline.Models.storageParts("meanflow_dp")); // the corrector's stage starts
    assertTrue(Files.exists(w.resolve("models/imm/checkpoint/card.json")), "IMM's checkpoint survives");
    assertTrue(Files.exists(w.resolve("models/meanflow/card.json")), "the corrector's prior is there");
    s.pull("models");
    assertFalse(Files.exists(w.resolve("models/imm/checkpoint/card.json")), "a pull of all models/ deletes it");
  }

  @Test
  void pushThenPullFromAFreshCacheGivesTheSameBytesAndMirrorsDeletions() throws IOException {
    RunStorage a = remote("mirror");
    assertTrue(a.remote());
    Path w = a.local();
    byte[] params = new byte[300_000];
    new java.util.Random(7).nextBytes(params);
    Files.createDirectories(w.resolve("models/meanflow/checkpoint"));
    Files.write(w.resolve("models/meanflow/params.ndlist"), params);
    Files.writeString(w.resolve("models/meanflow/checkpoint/card.json"), "{\"stepsDone\":50}");
    Files.writeString(w.resolve("models/meanflow/.params.ndlist.tmp"), "never pushed");
    Files.writeString(w.resolve("run.conf"), "experiment { name = x }\n");
    a.push("models", "run.conf");
    assertTrue(a.exists("models/meanflow/params.ndlist"));
    assertFalse(a.exists("models/meanflow/.params.ndlist.tmp"), "hidden temporaries stay local");

    // a second machine: another working copy of the same URI
    Path other = dir.resolve("other-cache");
    System.setProperty("twostep.cache", other.toString());
    RunStorage b;
    try {
      b = RunStorage.open(a.location(), hdfs.getConfiguration(0));
    } finally {
      System.clearProperty("twostep.cache");
    }
    assertTrue(b.local().startsWith(other));
    b.pull("models", "run.conf", "plots");
    assertArrayEquals(params, Files.readAllBytes(b.local().resolve("models/meanflow/params.ndlist")));
    assertEquals("{\"stepsDone\":50}", Files.readString(b.local().resolve("models/meanflow/checkpoint/card.json")));
    assertEquals("experiment { name = x }\n", Files.readString(b.local().resolve("run.conf"), StandardCharsets.UTF_8));
    assertFalse(Files.exists(b.local().resolve("plots")), "a part that is not stored is absent");

    // the first machine finishes training: the checkpoint goes; the second sees it gone after its next pull
    Files.delete(w.resolve("models/meanflow/checkpoint/card.json"));
    a.push("models");
    assertFalse(a.exists("models/meanflow/checkpoint/card.json"));
    b.pull("models");
    assertFalse(Files.exists(b.local().resolve("models/meanflow/checkpoint/card.json")));
    assertArrayEquals(params, Files.readAllBytes(b.local().resolve("models/meanflow/params.ndlist")));
  }

  @Test
  void anUnchangedFileIsNotCopiedAgain() throws IOException {
    RunStorage a = remote("unchanged");
    Files.createDirectories(a.local().resolve("plots"));
    Files.writeString(a.local().resolve("plots/w2.png"), "png");
    a.push("plots");
    FileSystem fs = hdfs.getFileSystem();
    org.apache.hadoop.fs.Path stored = new org.apache.hadoop.fs.Path("/runs/unchanged/plots/w2.png");
    long id = fs.getFileStatus(stored).getModificationTime();
    a.push("plots");
    a.pull("plots");
    assertEquals(id, fs.getFileStatus(stored).getModificationTime(), "not rewritten");
    assertEquals("png", Files.readString(a.local().resolve("plots/w2.png")));
  }

  @Test
  void badUrisAndUnreachableStorageAreBadInputNamingThePath() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens here once the socket is closed
    }
    String unreachable = "hdfs://127.0.0.1:" + closed + "/runs/x";
    for (String bad : new String[] {"nosuchfs://bucket/run", "hdfs://bad host/run", unreachable, "hdfs:run"}) {
      long t0 = System.nanoTime();
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunStorage.open(bad), bad);
      assertTrue(e.getMessage().contains(bad) && !e.getMessage().contains("\n"), e.getMessage());
      assertTrue(System.nanoTime() - t0 < 30e9, "fails at once: " + bad);
    }
  }
}
