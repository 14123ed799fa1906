package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.jobs.pipeline.RunLayout;

/** A validated run: effective configuration, where its outputs go, its sigma grids, the code version. */
public record RunContext(Config config, RunLayout layout, SigmaCatalogue sigma, String codeVersion) {

  public String experiment() {
    return config.getString("experiment.name");
  }
}
