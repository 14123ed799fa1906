package org.twostep.training.frame;

import com.typesafe.config.Config;
import org.twostep.common.config.ConfigReads;

/** The {@code frame} section: whether the models learn in a sigma-trend frame, and the law of its scale. */
public record FrameConfig(TrendKind kind, ScaleLaw scale) {

  public static FrameConfig from(Config c) {
    return new FrameConfig(ConfigReads.choice(c, "frame.kind", TrendKind.class),
        ConfigReads.choice(c, "frame.scale", ScaleLaw.class));
  }

  public boolean enabled() {
    return kind == TrendKind.TREND;
  }
}
