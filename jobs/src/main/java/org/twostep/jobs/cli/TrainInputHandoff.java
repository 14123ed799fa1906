package org.twostep.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.twostep.jobs.pipeline.TrainingStages;

/**
 * The train split of each pipeline run, read once with this JVM's Spark and written to a local temporary file that the
 * training JVMs ({@link ChildLauncher}) take instead of starting Spark themselves (8-16 s of each one's start on two
 * cores). The files are deleted when the pipeline ends.
 */
final class TrainInputHandoff implements AutoCloseable {
  private final Map<Path, Path> written = new HashMap<>();

  /** The file holding the train split of the run in {@code runDir}, written on the first call for that run. */
  synchronized Path of(Path runDir, RunContext ctx) {
    Path file = written.get(runDir);
    if (file == null) {
      try {
        file = Files.createTempFile("twostep-train-input", ".bin");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary file for the training input", e);
      }
      written.put(runDir, file);
      TrainingStages.writeTrainInput(ctx, file);
    }
    return file;
  }

  @Override
  public synchronized void close() {
    for (Path file : written.values()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the training input " + file, e);
      }
    }
  }
}
