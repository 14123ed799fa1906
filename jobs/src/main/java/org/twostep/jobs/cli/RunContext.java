package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.pipeline.RunLayout;

/**
 * A validated run: effective configuration, where its outputs go (Spark's tables under {@code layout}, every other
 * file through {@code storage}), its sigma grids, the code version.
 */
public record RunContext(Config config, RunLayout layout, SigmaCatalogue sigma, String codeVersion,
    RunStorage storage) {

  /** A run whose storage is opened from the layout's root (bad or unreachable storage is bad input). */
  public RunContext(Config config, RunLayout layout, SigmaCatalogue sigma, String codeVersion) {
    this(config, layout, sigma, codeVersion, RunStorage.open(layout.root()));
  }

  public String experiment() {
    return config.getString("experiment.name");
  }
}
