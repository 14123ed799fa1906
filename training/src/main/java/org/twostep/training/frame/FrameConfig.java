package org.twostep.training.frame;

import com.typesafe.config.Config;
import org.twostep.common.config.ConfigReads;
import org.twostep.training.data.TrainingData;

/** The {@code frame} section: whether the models learn in a sigma-dependent frame, which one, and its scale law. */
public record FrameConfig(TrendKind kind, ScaleLaw scale, CovarianceFrame.Beyond extrapolate) {

  public static FrameConfig from(Config c) {
    return new FrameConfig(ConfigReads.choice(c, "frame.kind", TrendKind.class),
        ConfigReads.choice(c, "frame.scale", ScaleLaw.class),
        ConfigReads.choice(c, "frame.extrapolate", CovarianceFrame.Beyond.class));
  }

  public boolean enabled() {
    return kind != TrendKind.NONE;
  }

  /** The frame of this kind fitted to the training groups (not for {@code none}). */
  public SigmaFrame fit(TrainingData data) {
    return switch (kind) {
      case TREND -> SigmaTrend.fit(data, scale);
      case COVARIANCE -> CovarianceFrame.fit(data, extrapolate);
      case NONE -> throw new IllegalStateException("frame.kind = none has no frame to fit");
    };
  }
}
