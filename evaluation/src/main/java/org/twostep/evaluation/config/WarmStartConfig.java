package org.twostep.evaluation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.evaluation.warmstart.Start;

/**
 * The {@code warm_start} section (SPEC §6, KPP warm start).
 *
 * @param generations periods run from every start
 * @param starts the starts to run
 * @param lambdaGrid lambda values of the front-speed scan, ascending and positive; empty for none
 */
public record WarmStartConfig(int generations, List<Start> starts, double[] lambdaGrid) {

  public WarmStartConfig {
    starts = List.copyOf(starts);
    lambdaGrid = lambdaGrid.clone();
    for (int i = 0; i < lambdaGrid.length; i++) {
      if (!(lambdaGrid[i] > 0) || Double.isInfinite(lambdaGrid[i])) {
        throw new InvalidConfigException("warm_start.lambda_grid[" + i + "]", lambdaGrid[i], "a finite positive number");
      }
    }
  }

  public static WarmStartConfig from(Config c) {
    List<Start> starts = new ArrayList<>();
    for (String s : ConfigReads.strings(c, "warm_start.starts")) {
      starts.add(Start.of(s, "warm_start.starts"));
    }
    return new WarmStartConfig(ConfigReads.positiveInt(c, "warm_start.generations"), starts,
        ConfigReads.numbers(c, "warm_start.lambda_grid"));
  }

  @Override
  public double[] lambdaGrid() {
    return lambdaGrid.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WarmStartConfig w && w.generations == generations && w.starts.equals(starts)
        && java.util.Arrays.equals(w.lambdaGrid, lambdaGrid);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * generations + starts.hashCode()) + java.util.Arrays.hashCode(lambdaGrid);
  }
}
