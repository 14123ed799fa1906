package org.twostep.common.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CodeVersionTest {
  @Test
  void isTheCommitTheBuildWasMadeFrom() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
        .directory(Path.of(System.getProperty("user.dir")).toFile()).redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, git.waitFor(), head);
    String version = CodeVersion.get();
    assertTrue(version.equals(head) || version.equals(head + "-dirty"), version + " vs HEAD " + head);
  }

  @Test
  void marksADirtyTreeAndAnUnknownBuild() {
    assertEquals("0123456789ab", CodeVersion.of("0123456789ab", "false"));
    assertEquals("0123456789ab-dirty", CodeVersion.of("0123456789ab", "true"));
    assertEquals("unknown", CodeVersion.of(null, null));
  }
}
