package org.twostep.common.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The code version stamped on every marker, card and metrics row: the git commit the build was made from, with
 * {@code -dirty} when the working tree had uncommitted changes ({@code twostep-git.properties}, written at build time
 * by the git-commit-id Maven plugin); {@code unknown} for a build outside a git checkout.
 */
public final class CodeVersion {
  static final String RESOURCE = "/twostep-git.properties";
  private static final String VERSION = read();

  private CodeVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return of(p.getProperty("git.commit.id.abbrev"), p.getProperty("git.dirty"));
  }

  /** {@code commit} or {@code commit-dirty}; {@code unknown} without a commit. */
  public static String of(String commit, String dirty) {
    if (commit == null || commit.isBlank()) {
      return "unknown";
    }
    return commit + ("true".equals(dirty) ? "-dirty" : "");
  }
}
