package org.twostep.jobs.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * Publishes table data one unit at a time into hive partitions {@code experiment=E/sigma_index=i}, atomically and
 * idempotently. A unit (for particles: a split) is written by Spark to a private staging directory, its files are
 * moved into the partition as {@code <unit>-part-*.parquet}, and only then is its marker {@code _DONE.<unit>.json}
 * (config hash, code version) written, by rename. A unit without a marker is incomplete: a later run deletes its
 * files and recomputes it, so a crash mid-write never leaves data a later run reads as complete. Readers (Spark, DuckDB)
 * ignore the underscore-prefixed marker and staging names.
 */
public final class PartitionPublisher {
  /** Column that carries the unit name while staging; not part of the published files. */
  public static final String UNIT = "publish_unit";

  private final String table;
  private final FileSystem fs;

  public PartitionPublisher(SparkSession spark, String table) {
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
      try (var in = fs.open(m)) {
        return CompletionMarker.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
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
  public void publish(Dataset<Row> data, Collection<Unit> units,
      java.util.function.Function<Unit, CompletionMarker> marker) {
    String staging = table + "/_staging-" + UUID.randomUUID();
    data.write().mode(SaveMode.ErrorIfExists).partitionBy("experiment", "sigma_index", UNIT).parquet(staging);
    try {
      for (Unit u : units) {
        Path dir = new Path(RunLayout.partition(table, u.experiment(), u.sigmaIndex()));
        fs.mkdirs(dir);
        retract(u);
        Path src = new Path(RunLayout.partition(staging, u.experiment(), u.sigmaIndex()) + "/" + UNIT + "=" + u.name());
        FileStatus[] parts = fs.exists(src) ? fs.listStatus(src, p -> p.getName().endsWith(".parquet")) : new FileStatus[0];
        for (FileStatus part : parts) {
          rename(part.getPath(), new Path(dir, u.name() + "-" + part.getPath().getName()));
        }
        Path tmp = new Path(dir, "_tmp." + UUID.randomUUID());
        try (OutputStream out = fs.create(tmp, false)) {
          out.write(marker.apply(u).toJson().getBytes(StandardCharsets.UTF_8));
        }
        rename(tmp, markerPath(u));
      }
      fs.delete(new Path(staging), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish into " + table, e);
    }
  }

  /** Removes a unit's marker first, then its files: it is incomplete from the first step on. */
  public void retract(Unit u) throws IOException {
    Path dir = new Path(RunLayout.partition(table, u.experiment(), u.sigmaIndex()));
    fs.delete(markerPath(u), false);
    if (fs.exists(dir)) {
      for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith(u.name() + "-"))) {
        fs.delete(f.getPath(), false);
      }
    }
  }

  /** Deletes staging directories left by a run that died (no unit ever reads from them). */
  public void sweepStaging() {
    try {
      Path t = new Path(table);
      if (fs.exists(t)) {
        for (FileStatus f : fs.listStatus(t, p -> p.getName().startsWith("_staging-"))) {
          fs.delete(f.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + table, e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }

  private Path markerPath(Unit u) {
    return new Path(RunLayout.partition(table, u.experiment(), u.sigmaIndex()) + "/_DONE." + u.name() + ".json");
  }
}
