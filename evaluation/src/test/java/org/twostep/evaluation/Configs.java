package org.twostep.evaluation;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import org.twostep.common.config.ConfigLoader;

/** Experiment configurations of the repository's conf/ directory, quick profile, with overrides. */
public final class Configs {
  private Configs() {}

  public static Config load(String experiment, String... overrides) {
    return ConfigLoader.load(Path.of("../conf/" + experiment + ".conf"), "quick", List.of(overrides));
  }
}
