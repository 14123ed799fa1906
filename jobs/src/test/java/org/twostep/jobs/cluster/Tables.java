package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares published tables bit for bit and reads their completion markers. */
final class Tables {
  private Tables() {}

  /** Every row of a particles table, sorted, with floats and doubles as their raw bit patterns. */
  static List<String> bits(SparkSession spark, String table) {
    String[] cols = spark.read().parquet(table).columns();
    Arrays.sort(cols); // column order may differ with the partition discovery; the content may not
    List<String> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(table).selectExpr(cols)
        .orderBy("experiment", "sigma_index", "split", "replica", "particle").collectAsList()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        s.append(cols[i]).append('=').append(v instanceof Float f ? Integer.toHexString(Float.floatToRawIntBits(f))
            : v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : String.valueOf(v)).append(' ');
      }
      rows.add(s.toString());
    }
    return rows;
  }

  static void assertSameBits(SparkSession spark, String expected, String actual) {
    List<String> a = bits(spark, expected);
    List<String> b = bits(spark, actual);
    assertEquals(a.size(), b.size(), "row count of " + actual + " vs " + expected);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), "row " + i + " of " + actual + " differs from " + expected);
    }
  }

  /** Paths of the {@code _DONE.<unit>.json} markers under a table, relative to it, sorted. */
  static List<String> markers(Path table) throws IOException {
    if (!Files.exists(table)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(table)) {
      return s.filter(p -> p.getFileName().toString().startsWith("_DONE.")).map(p -> table.relativize(p).toString())
          .sorted().toList();
    }
  }

  /** Published Parquet files (not staging) under a table. */
  static List<Path> publishedParts(Path table) throws IOException {
    if (!Files.exists(table)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(table)) {
      return s.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("/_staging-")).toList();
    }
  }
}
