package org.twostep.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: a new file, a replaced file, and a failed write that leaves the old file and no debris. */
class AtomicFilesTest {
  @Test
  void writesReplacesAndLeavesTheOldFileWhenAWriteFails(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a").resolve("table.csv");
    AtomicFiles.writeString(f, "one\n");
    assertEquals("one\n", Files.readString(f));
    AtomicFiles.writeString(f, "two\n");
    assertEquals("two\n", Files.readString(f));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    }));
    assertEquals("cannot write " + f, e.getMessage());
    assertEquals("two\n", Files.readString(f), "the old content survives");
    try (var files = Files.list(f.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }
}
