package org.twostep.jobs.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.nio.file.Files;
import org.twostep.common.io.AtomicFiles;
import org.twostep.jobs.io.RunStorage;
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
  public static RunProvenance of(RunContext ctx) {
    return new RunProvenance(runId(ctx.layout().root()), Models.trainingSeed(ctx.config()));
  }

  /**
   * The id in {@code DIR/run_id}, created when absent, through the run's {@link RunStorage} (so an {@code hdfs://} or
   * {@code s3a://} run keeps it beside its tables).
   */
  static String runId(String root) {
    RunStorage storage = RunStorage.open(root);
    storage.pull(FILE);
    java.nio.file.Path file = storage.local().resolve(FILE);
    try {
      if (!Files.isRegularFile(file)) {
        AtomicFiles.writeString(file, mint(Instant.now()) + "\n");
        storage.push(FILE);
      }
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A new id: the UTC time of minting and 32 random bits, e.g. {@code 20261201T103512Z-3f9a1c2b}. */
  static String mint(Instant now) {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
  }
}
