package org.twostep.jobs.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * Publishes table data one unit at a time into hive partitions {@code experiment=E/sigma_index=i}, idempotently and
 * without a directory rename (object stores have none). A unit (for particles: a split) is written by Spark into a
 * private staging directory outside the table ({@code <run>/_staging/<table>/<uuid>}, so a reader globbing
 * {@code <table>/**}{@code /*.parquet} never meets a partial file); then its old marker and files are removed, each
 * staged file is moved into the partition as {@code <unit>-part-<k>.parquet} (a single-file rename: atomic on a local
 * disk and HDFS, a copy whose object appears whole on S3A), and last its marker {@code _DONE.<unit>.json} (config hash,
 * code version) is moved in the same way. Readers trust only files whose unit has a marker ({@link #read}): a unit
 * killed between its files and its marker is invisible, and a later run deletes its files and recomputes it.
 */
public final class PartitionPublisher {
  /** Column that carries the unit name while staging; not part of the published files. */
  public static final String UNIT = "publish_unit";
  private static final String MARKER_PREFIX = "_DONE.";
  private static final String MARKER_SUFFIX = ".json";
  private static final String PART = "-part-";

  private final String table;
  private final FileSystem fs;
  private final SparkSession spark;

  public PartitionPublisher(SparkSession spark, String table) {
    this.spark = spark;
    this.table = table;
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      this.fs = new Path(table).getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + table, e);
    }
  }

  /** One published unit: its partition and name. */
  public record Unit(String experiment, int sigmaIndex, String name) {}

  /** The unit's marker if it is published with a readable one, else null. */
  public CompletionMarker marker(Unit u) {
    Path m = markerPath(u);
    try {
      if (!fs.exists(m)) {
        return null;
      }
      return readMarker(m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + m, e);
    }
  }

  /** Whether the unit is published with the given config hash. */
  public boolean isComplete(Unit u, String configHash) {
    CompletionMarker m = marker(u);
    return m != null && m.hasHash(configHash);
  }

  /**
   * Writes {@code data} (which has columns experiment, sigma_index and {@link #UNIT}) and publishes every listed unit
   * with {@code marker}. Units already published are replaced.
   */
  public void publish(Dataset<Row> data, Collection<Unit> units, CompletionMarker marker) {
    publish(data, units, u -> marker);
  }

  /** As {@link #publish(Dataset, Collection, CompletionMarker)} with a marker per unit. */
  public void publish(Dataset<Row> data, Collection<Unit> units, Function<Unit, CompletionMarker> marker) {
    Path staging = newStaging();
    data.write().mode(SaveMode.ErrorIfExists).partitionBy("experiment", "sigma_index", UNIT).parquet(staging.toString());
    try {
      for (Unit u : units) {
        Path src = new Path(RunLayout.partition(staging.toString(), u.experiment(), u.sigmaIndex()) + "/" + UNIT + "="
            + u.name());
        install(u, src, marker.apply(u));
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish into " + table, e);
    }
  }

  /**
   * Publishes one unit from {@code rows}, the unit's rows in the table's schema (the partition columns and
   * {@link #UNIT}, if present, are dropped: the partition directory holds them). Replaces a unit already published.
   */
  public void publishUnit(Unit u, Dataset<Row> rows, CompletionMarker marker) {
    Path staging = newStaging();
    List<String> drop = new ArrayList<>(List.of("experiment", "sigma_index", UNIT));
    drop.retainAll(Arrays.asList(rows.columns()));
    rows.drop(drop.toArray(String[]::new)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .parquet(staging.toString());
    try {
      install(u, staging, marker);
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + u + " into " + table, e);
    }
  }

  /** Replaces the unit's files by the staged parquet files in {@code src}, one file at a time, then its marker. */
  private void install(Unit u, Path src, CompletionMarker marker) throws IOException {
    Path dir = partition(u);
    fs.mkdirs(dir);
    retract(u);
    FileStatus[] parts = fs.exists(src) ? fs.listStatus(src, p -> p.getName().endsWith(".parquet")) : new FileStatus[0];
    Arrays.sort(parts, Comparator.comparing(f -> f.getPath().getName()));
    for (int k = 0; k < parts.length; k++) {
      rename(parts[k].getPath(), new Path(dir, u.name() + PART + k + ".parquet"));
    }
    Path tmp = new Path(src, "marker.json");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(marker.toJson().getBytes(StandardCharsets.UTF_8));
    }
    rename(tmp, markerPath(u));
  }

  /** Removes a unit's marker first, then its files: it is incomplete from the first step on. */
  public void retract(Unit u) throws IOException {
    Path dir = partition(u);
    fs.delete(markerPath(u), false);
    if (fs.exists(dir)) {
      for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(u.name() + PART))) {
        fs.delete(f.getPath(), false);
      }
    }
  }

  /**
   * The published files of one experiment: the parquet files of every unit with a readable marker, sorted. Files of
   * a unit without one (a run killed before its marker) are left out.
   */
  public List<String> publishedFiles(String experiment) {
    List<String> files = new ArrayList<>();
    Path root = new Path(table, "experiment=" + experiment);
    try {
      if (!fs.exists(root)) {
        return files;
      }
      for (FileStatus p : fs.listStatus(root, p -> p.getName().startsWith("sigma_index="))) {
        FileStatus[] all = fs.listStatus(p.getPath());
        List<String> units = new ArrayList<>();
        for (FileStatus f : all) {
          String n = f.getPath().getName();
          if (n.startsWith(MARKER_PREFIX) && n.endsWith(MARKER_SUFFIX) && readMarker(f.getPath()) != null) {
            units.add(n.substring(MARKER_PREFIX.length(), n.length() - MARKER_SUFFIX.length()));
          }
        }
        for (FileStatus f : all) {
          String n = f.getPath().getName();
          if (n.endsWith(".parquet") && units.stream().anyMatch(u -> n.startsWith(u + PART))) {
            files.add(f.getPath().toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    files.sort(null);
    return files;
  }

  /**
   * The published rows of one experiment (partition columns included), or null when none is published. This is how
   * every stage reads a table another stage wrote: only units with a marker count.
   */
  public Dataset<Row> read(String experiment) {
    List<String> files = publishedFiles(experiment);
    if (files.isEmpty()) {
      return null;
    }
    return spark.read().option("basePath", table).parquet(files.toArray(String[]::new));
  }

  /**
   * The published rows of one experiment in {@code table} (units with a marker only: a killed run's unmarked files are
   * not data); a missing table is bad input naming the stage that writes it.
   */
  public static Dataset<Row> read(SparkSession spark, String table, String experiment, String stage) {
    PartitionPublisher p = new PartitionPublisher(spark, table);
    try {
      if (!p.fs.exists(new Path(table))) {
        throw new InvalidInputException(table + " does not exist: run `twostep " + stage + "` first");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + table, e);
    }
    Dataset<Row> published = p.read(experiment);
    return published != null ? published
        : spark.read().parquet(table).where(functions.col("experiment").equalTo(experiment)).where(functions.lit(false));
  }

  /** Deletes staging directories left by a run that died (no unit ever reads from them). */
  public void sweepStaging() {
    try {
      Path t = new Path(table);
      if (fs.exists(t)) { // staging inside the table, as earlier versions kept it
        for (FileStatus f : fs.listStatus(t, p -> p.getName().startsWith("_staging-"))) {
          fs.delete(f.getPath(), true);
        }
      }
      fs.delete(stagingRoot(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + table, e);
    }
  }

  /** {@code <run>/_staging/<table>}: beside the table, never inside it. */
  private Path stagingRoot() {
    Path t = new Path(table);
    return new Path(new Path(t.getParent(), "_staging"), t.getName());
  }

  private Path newStaging() {
    return new Path(stagingRoot(), UUID.randomUUID().toString());
  }

  private CompletionMarker readMarker(Path m) throws IOException {
    try (var in = fs.open(m)) {
      return CompletionMarker.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }

  private Path partition(Unit u) {
    return new Path(RunLayout.partition(table, u.experiment(), u.sigmaIndex()));
  }

  private Path markerPath(Unit u) {
    return new Path(partition(u), MARKER_PREFIX + u.name() + MARKER_SUFFIX);
  }
}
