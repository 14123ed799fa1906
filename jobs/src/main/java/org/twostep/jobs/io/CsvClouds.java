package org.twostep.jobs.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/** A cloud from a comma-separated file with a header row naming the columns (no quoting). */
final class CsvClouds {
  private CsvClouds() {}

  static ParticleCloud read(Path path) {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new InvalidInputException(path + ": empty file, expected a header with x, y[, z[, w]]");
      }
      List<String> columns = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
      int d = CloudFiles.dimension(path, columns);
      int[] index = new int[d];
      for (int k = 0; k < d; k++) {
        index[k] = columns.indexOf(CloudFiles.AXES.get(k));
      }
      double[] coords = new double[1024];
      int count = 0;
      long row = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        row++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != columns.size()) {
          throw new InvalidInputException(path + ": row " + row + " has " + cells.length + " fields, the header "
              + columns.size());
        }
        if (count + d > coords.length) {
          coords = Arrays.copyOf(coords, coords.length * 2);
        }
        for (int k = 0; k < d; k++) {
          double v = parse(path, cells[index[k]].trim(), row);
          CloudFiles.checkFinite(path, v, row, CloudFiles.AXES.get(k));
          coords[count++] = v;
        }
      }
      return ParticleCloud.ofRowMajor(d, Arrays.copyOf(coords, count));
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static double parse(Path path, String text, long row) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(path + ": row " + row + " holds a non-number \"" + text + "\"");
    }
  }
}
