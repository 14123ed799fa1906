package org.twostep.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compares published tables bit for bit and reads their completion markers. */
final class Tables {
  private Tables() {}

  /**
   * Every row of a table as text, floats and doubles as their raw bit patterns, sorted; columns in name order and
   * without the {@code ignored} ones (wall times, code version).
   */
  static List<String> bits(SparkSession spark, String table, String... ignored) {
    List<String> cols = new ArrayList<>(List.of(spark.read().parquet(table).columns()));
    cols.removeAll(List.of(ignored));
    cols.sort(null); // column order may differ with the partition discovery; the content may not
    List<String> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(table).selectExpr(cols.toArray(String[]::new)).collectAsList()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        s.append(cols.get(i)).append('=').append(v instanceof Float f ? Integer.toHexString(Float.floatToRawIntBits(f))
            : v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : String.valueOf(v)).append(' ');
      }
      rows.add(s.toString());
    }
    rows.sort(null);
    return rows;
  }

  static void assertSameBits(SparkSession spark, String expected, String actual, String... ignored) {
    List<String> a = bits(spark, expected, ignored);
    List<String> b = bits(spark, actual, ignored);
    assertFalse(a.isEmpty(), expected + " has rows");
    assertEquals(a.size(), b.size(), "row count of " + actual + " vs " + expected);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i), b.get(i), "row " + i + " of " + actual + " differs from " + expected);
    }
  }

  /**
   * Values of {@code value} columns equal within a relative {@code tolerance}, rows matched by the {@code key}
   * columns: for aggregates whose summation order follows the cluster's partitioning.
   */
  static void assertClose(SparkSession spark, String expected, String actual, List<String> key, List<String> value,
      double tolerance) {
    java.util.Map<String, double[]> a = values(spark, expected, key, value);
    java.util.Map<String, double[]> b = values(spark, actual, key, value);
    assertEquals(a.keySet(), b.keySet());
    a.forEach((k, x) -> {
      for (int i = 0; i < x.length; i++) {
        double y = b.get(k)[i];
        assertTrue(Math.abs(x[i] - y) <= tolerance * Math.max(Math.abs(x[i]), Math.abs(y)),
            value.get(i) + " of " + k + ": " + x[i] + " vs " + y);
      }
    });
  }

  private static java.util.Map<String, double[]> values(SparkSession spark, String table, List<String> key,
      List<String> value) {
    java.util.Map<String, double[]> m = new java.util.TreeMap<>();
    for (Row r : spark.read().parquet(table).collectAsList()) {
      String k = key.stream().map(c -> String.valueOf(r.get(r.fieldIndex(c)))).collect(java.util.stream.Collectors.joining("|"));
      m.put(k, value.stream().mapToDouble(c -> r.getDouble(r.fieldIndex(c))).toArray());
    }
    return m;
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
