package org.twostep.common.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file writes that a reader never sees half done: the content goes to a hidden sibling temporary file, which
 * is then renamed over the target; on failure the temporary file is removed and the old target is left as it was.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the content of a file to the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  /** Writes {@code content} into a temporary sibling of {@code target}, then renames it over the target. */
  public static void write(Path target, Content content) {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      content.writeTo(tmp);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original error is the one worth reporting
      }
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** {@link #write} of a UTF-8 string. */
  public static void writeString(Path target, String text) {
    write(target, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
  }
}
