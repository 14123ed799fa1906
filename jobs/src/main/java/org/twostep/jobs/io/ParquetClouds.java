package org.twostep.jobs.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.spark.Sessions;

/**
 * A cloud from Parquet (one file, or a directory such as a {@code particles/} partition) through the
 * shared SparkSession: the coordinate columns are selected, cast to double and streamed to the
 * driver in file order.
 */
final class ParquetClouds {
  private ParquetClouds() {}

  static ParticleCloud read(Path path) {
    Dataset<Row> table;
    try {
      table = Sessions.get().read().parquet(path.toString());
    } catch (RuntimeException e) {
      throw new InvalidInputException(path + ": not readable as Parquet: " + firstLine(e.getMessage()), e);
    }
    int d = CloudFiles.dimension(path, Arrays.asList(table.columns()));
    Column[] select = new Column[d];
    for (int k = 0; k < d; k++) {
      select[k] = functions.col(CloudFiles.AXES.get(k)).cast("double");
    }
    double[] coords = new double[1024];
    int count = 0;
    long row = 0;
    Iterator<Row> rows = table.select(select).toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      row++;
      if (count + d > coords.length) {
        coords = Arrays.copyOf(coords, coords.length * 2);
      }
      for (int k = 0; k < d; k++) {
        if (r.isNullAt(k)) {
          throw new InvalidInputException(path + ": null " + CloudFiles.AXES.get(k) + " in row " + row);
        }
        double v = r.getDouble(k);
        CloudFiles.checkFinite(path, v, row, CloudFiles.AXES.get(k));
        coords[count++] = v;
      }
    }
    return ParticleCloud.ofRowMajor(d, Arrays.copyOf(coords, count));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    List<String> lines = message.lines().toList();
    return lines.isEmpty() ? "" : lines.get(0);
  }
}
