package org.twostep.jobs.pipeline;

import java.nio.file.Path;
import org.twostep.jobs.io.RunStorage;

/**
 * The run layout as local paths, for the stages that run on the driver without Spark (training, generation, the
 * report): the run's local working copy ({@link RunStorage#local()}, the run directory itself when it is local).
 */
public record RunLayoutPaths(Path particles, Path models) {

  public static RunLayoutPaths of(RunStorage storage) {
    return new RunLayoutPaths(storage.local().resolve("particles"), storage.local().resolve("models"));
  }

  public static RunLayoutPaths of(RunLayout layout) {
    return of(RunStorage.open(layout.root()));
  }
}
