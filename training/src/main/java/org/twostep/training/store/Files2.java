package org.twostep.training.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Atomic writes (temporary file, then rename) and file digests. */
final class Files2 {
  private Files2() {}

  /** Writes through {@code writer} into a sibling temporary file, then renames it over {@code target}. */
  static void writeAtomically(Path target, IoWriter writer) {
    org.twostep.common.io.AtomicFiles.write(target, tmp -> {
      try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        writer.write(out);
      }
    });
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // digesting
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A write into a stream that may fail with an I/O error. */
  @FunctionalInterface
  interface IoWriter {
    void write(java.io.OutputStream out) throws IOException;
  }
}
