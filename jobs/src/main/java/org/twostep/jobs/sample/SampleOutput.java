package org.twostep.jobs.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * Where {@code twostep sample} writes, chosen by the name: {@code *.parquet} one Parquet file, {@code *.csv} one CSV
 * file with a header, anything else a directory holding a hive-partitioned table
 * {@code experiment=E/sigma_index=i/part-00000.parquet}. Any Hadoop file system URI works. Pieces are written as they
 * come into a hidden staging sibling that {@link #commit} moves into place (replacing an older output), so a failure
 * leaves nothing half-written.
 */
final class SampleOutput implements AutoCloseable {
  enum Format { PARQUET, CSV, TABLE }

  private final Format format;
  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final Configuration conf;
  private final SampleRows rows;
  private ParquetPieces parquet;
  private BufferedWriter csv;
  private int openIndex = -1;
  private boolean committed;

  SampleOutput(String out, SampleRows rows, Configuration conf) throws IOException {
    String lower = out.toLowerCase(Locale.ROOT);
    this.format = lower.endsWith(".parquet") ? Format.PARQUET : lower.endsWith(".csv") ? Format.CSV : Format.TABLE;
    this.target = new Path(out.endsWith("/") ? out.substring(0, out.length() - 1) : out);
    this.fs = target.getFileSystem(conf);
    this.staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + UUID.randomUUID());
    this.conf = conf;
    this.rows = rows;
    fs.mkdirs(target.getParent());
    if (format == Format.CSV) {
      csv = new BufferedWriter(new OutputStreamWriter(fs.create(staging, false), StandardCharsets.UTF_8), 1 << 20);
      csv.write(String.join(",", rows.names()));
      csv.write('\n');
    } else if (format == Format.PARQUET) {
      parquet = new ParquetPieces(staging, conf, rows, false);
    }
  }

  Format format() {
    return format;
  }

  void write(Cloud piece, int sigmaIndex) throws IOException {
    if (format == Format.CSV) {
      writeCsv(piece, sigmaIndex);
      return;
    }
    if (format == Format.TABLE && sigmaIndex != openIndex) {
      if (parquet != null) {
        parquet.close();
      }
      String experiment = (String) rows.value("experiment", piece, sigmaIndex, 0);
      Path dir = new Path(RunLayout.partition(staging.toString(), experiment, sigmaIndex));
      parquet = new ParquetPieces(new Path(dir, "part-00000.parquet"), conf, rows, true);
      openIndex = sigmaIndex;
    }
    parquet.write(piece, sigmaIndex);
  }

  private void writeCsv(Cloud piece, int sigmaIndex) throws IOException {
    String[] names = rows.names();
    StringBuilder line = new StringBuilder(128);
    for (int i = 0; i < piece.size(); i++) {
      line.setLength(0);
      for (int f = 0; f < names.length; f++) {
        if (f > 0) {
          line.append(',');
        }
        line.append(rows.value(names[f], piece, sigmaIndex, i));
      }
      csv.write(line.append('\n').toString());
    }
  }

  /** Finishes the files and moves them into place. */
  void commit() throws IOException {
    closeWriters();
    if (fs.exists(target)) {
      fs.delete(target, true);
    }
    if (format == Format.TABLE && !fs.exists(staging)) {
      fs.mkdirs(staging);
    }
    if (!fs.rename(staging, target)) {
      throw new IOException("rename " + staging + " -> " + target + " failed");
    }
    committed = true;
  }

  /** Without a commit: deletes what was staged. */
  @Override
  public void close() {
    try {
      closeWriters();
      if (!committed) {
        fs.delete(staging, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + staging, e);
    }
  }

  private void closeWriters() throws IOException {
    if (parquet != null) {
      parquet.close();
      parquet = null;
    }
    if (csv != null) {
      csv.close();
      csv = null;
    }
  }
}
