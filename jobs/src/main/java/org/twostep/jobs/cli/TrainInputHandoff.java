package org.twostep.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.twostep.jobs.pipeline.TrainingStages;

/**
 * The train split of each pipeline run, read once with this JVM's Spark and written to a local temporary file that the
 * training JVMs ({@link ChildLauncher}) take instead of starting Spark themselves (about 10 s of each one's start on
 * two cores). The files are deleted when the pipeline ends.
 */
final class TrainInputHandoff implements AutoCloseable {
  private final Map<Path, Path> written = new HashMap<>();
  private Path dir;

  /** The file holding the train split of the run in {@code runDir}, written on the first call for that run. */
  synchronized Path of(Path runDir, RunContext ctx) {
    Path file = written.get(runDir);
    if (file == null) {
      try {
        if (dir == null) {
          dir = Files.createTempDirectory("twostep-train-input");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for the training input", e);
      }
      file = dir.resolve("run-" + written.size() + ".bin");
      TrainingStages.writeTrainInput(ctx, file);
      written.put(runDir, file);
    }
    return file;
  }

  @Override
  public synchronized void close() {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the training input in " + dir, e);
    }
  }
}
