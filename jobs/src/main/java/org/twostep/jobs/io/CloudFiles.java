package org.twostep.jobs.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/**
 * Reads a particle cloud from a file given on the command line: CSV with a header, or Parquet (a
 * file or a directory of part files), with float columns {@code x, y[, z[, w]]} (SPEC §7). Other
 * columns are ignored. Missing files, NaN or infinite coordinates and empty clouds are
 * {@link InvalidInputException}s naming the file.
 */
public final class CloudFiles {
  /** Coordinate columns in axis order. */
  public static final List<String> AXES = List.of("x", "y", "z", "w");

  private CloudFiles() {}

  public static ParticleCloud read(Path path) {
    if (!Files.exists(path)) {
      throw new InvalidInputException("no such file or directory: " + path);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    ParticleCloud cloud;
    if (Files.isDirectory(path) || name.endsWith(".parquet")) {
      cloud = ParquetClouds.read(path);
    } else if (name.endsWith(".csv")) {
      cloud = CsvClouds.read(path);
    } else {
      throw new InvalidInputException(path + ": expected a .csv file, a .parquet file or a Parquet directory");
    }
    if (cloud.size() == 0) {
      throw new InvalidInputException(path + ": the cloud is empty");
    }
    return cloud;
  }

  /**
   * The dimension given by the present coordinate columns: x and y are required, z and w optional,
   * and w only with z.
   */
  static int dimension(Path path, List<String> columns) {
    int d = 0;
    while (d < AXES.size() && columns.contains(AXES.get(d))) {
      d++;
    }
    if (d < 2) {
      throw new InvalidInputException(path + ": needs coordinate columns x and y, found " + columns);
    }
    for (int k = d; k < AXES.size(); k++) {
      if (columns.contains(AXES.get(k))) {
        throw new InvalidInputException(path + ": column " + AXES.get(k) + " without " + AXES.get(d));
      }
    }
    return d;
  }

  static void checkFinite(Path path, double value, long row, String axis) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(path + ": non-finite " + axis + " (" + value + ") in row " + row);
    }
  }
}
