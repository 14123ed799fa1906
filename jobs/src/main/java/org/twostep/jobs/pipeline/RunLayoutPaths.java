package org.twostep.jobs.pipeline;

import java.net.URI;
import java.nio.file.Path;
import org.twostep.common.error.InvalidInputException;

/**
 * The run layout as local paths, for the stages that run on the driver without Spark (training, generation): they
 * read and write the local (or a mounted shared) file system.
 */
public record RunLayoutPaths(Path particles, Path models) {

  public static RunLayoutPaths of(RunLayout layout) {
    return new RunLayoutPaths(local(layout.particles()), local(layout.models()));
  }

  /** A run-layout path as a local path; a non-local URI is bad input. */
  public static Path local(String layoutPath) {
    if (layoutPath.startsWith("file:")) {
      return Path.of(URI.create(layoutPath));
    }
    if (layoutPath.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new InvalidInputException(
          "training and generation read and write the local file system; " + layoutPath + " is not local");
    }
    return Path.of(layoutPath);
  }
}
