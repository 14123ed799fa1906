package org.twostep.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable hash of the configuration sections a stage depends on: a stage whose output carries the same
 * hash is skipped, one whose hash changed is stale. The rendering is canonical (keys sorted, comments dropped),
 * so reformatting a config file does not change the hash; the run directory ({@code experiment.out}) is excluded.
 */
public final class ConfigHash {
  private static final ConfigRenderOptions CANONICAL = ConfigRenderOptions.concise().setJson(true);

  private ConfigHash() {}

  /** The hash of the given sections or key paths (absent ones are skipped), 16 hex digits. */
  public static String of(Config config, String... sections) {
    StringBuilder canonical = new StringBuilder();
    for (String section : sections) {
      if (config.hasPath(section)) {
        Config c = config.withOnlyPath(section);
        if (section.equals("experiment")) {
          c = c.withoutPath("experiment.out");
        }
        canonical.append(section).append('=').append(c.root().render(CANONICAL)).append('\n');
      }
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * The hash of everything one simulate unit depends on besides its own sigma: not the grids, so a sweep that extends
   * a grid recomputes only the new sigma (a unit's marker also records its sigma).
   */
  public static String simulation(Config config) {
    return of(config, "experiment", "ks", "kpp");
  }
}
