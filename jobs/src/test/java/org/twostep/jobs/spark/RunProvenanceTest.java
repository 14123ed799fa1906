package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProvenanceTest {
  @TempDir Path dir;

  @Test
  void theIdIsMintedOnceAndReadBackByEveryLaterStage() throws Exception {
    Path run = dir.resolve("run");
    String first = RunProvenance.runId(run.toString());
    assertTrue(first.matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}"), first);
    assertEquals(first, RunProvenance.runId(run.toUri().toString()), "a file:// URI names the same run");
    assertEquals(first + "\n", Files.readString(run.resolve(RunProvenance.FILE), StandardCharsets.UTF_8));
    assertNotEquals(first, RunProvenance.runId(dir.resolve("other").toString()), "another run, another id");
  }

  @Test
  void mintedIdsCarryTheirUtcTimeAndDifferInTheirRandomPart() {
    Instant t = Instant.parse("2026-12-01T10:35:12Z");
    String a = RunProvenance.mint(t);
    assertTrue(a.startsWith("20261201T103512Z-"), a);
    assertNotEquals(a, RunProvenance.mint(t));
  }
}
