package org.twostep.jobs.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.cli.RunContext;
import org.twostep.jobs.pipeline.Models;

/**
 * Which run a row of {@code metrics/} or {@code generated/} came from, so tables of many runs can be unioned and
 * told apart: the run's {@code run_id} (minted once per run directory, kept in {@code DIR/run_id}) and its training
 * seed ({@link Models#trainingSeed}).
 */
public record RunProvenance(String runId, long trainingSeed) implements Serializable {
  /** The file under the run directory that holds the id. */
  public static final String FILE = "run_id";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** The run's provenance: its id, read back or minted now when the directory has none yet. */
  public static RunProvenance of(SparkSession spark, RunContext ctx) {
    return new RunProvenance(runId(spark, ctx.layout().root()), Models.trainingSeed(ctx.config()));
  }

  /**
   * The id in {@code DIR/run_id}, created when absent. Creation refuses to overwrite, so two stages that race to
   * mint it agree on the one that landed first (no rename: this works on object stores too).
   */
  static String runId(SparkSession spark, String root) {
    Path file = new Path(root, FILE);
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        try (OutputStream out = fs.create(file, false)) {
          out.write((mint(Instant.now()) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException raced) {
          // another stage minted it first: read theirs below
        }
      }
      try (InputStream in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  /** A new id: the UTC time of minting and 32 random bits, e.g. {@code 20261201T103512Z-3f9a1c2b}. */
  static String mint(Instant now) {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
  }
}
