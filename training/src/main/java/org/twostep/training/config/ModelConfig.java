package org.twostep.training.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;

/**
 * The {@code model} section: the MeanFlow network of SPEC §2, plus {@code sigma.transform} (common's key) because it
 * decides the network's sigma input.
 *
 * @param width hidden width (64)
 * @param depth hidden layers (5); the first maps the input to the width, the others are residual
 * @param timeFrequencies number of sinusoidal frequencies per time input (16)
 * @param timeFreqMin lowest frequency (1)
 * @param timeFreqMax highest frequency (16); high values make du/dt explode
 * @param sigmaFeatures linear | sinusoidal
 * @param headGain scale of the head's initial weights (1e-2)
 * @param transform sigma to raw feature
 */
public record ModelConfig(int width, int depth, int timeFrequencies, double timeFreqMin, double timeFreqMax,
    SigmaFeatureKind sigmaFeatures, double headGain, SigmaTransform transform) {

  public ModelConfig {
    if (timeFreqMax < timeFreqMin) {
      throw new org.twostep.common.error.InvalidConfigException("model.time_freq_max", timeFreqMax,
          "at least model.time_freq_min = " + timeFreqMin);
    }
  }

  public static ModelConfig from(Config c) {
    return new ModelConfig(
        ConfigReads.intIn(c, "model.width", 1, 4096),
        ConfigReads.intIn(c, "model.depth", 1, 64),
        ConfigReads.intIn(c, "model.time_frequencies", 1, 256),
        ConfigReads.doubleIn(c, "model.time_freq_min", 0, 1e4, true),
        ConfigReads.doubleIn(c, "model.time_freq_max", 0, 1e4, true),
        ConfigReads.choice(c, "model.sigma_features", SigmaFeatureKind.class),
        ConfigReads.doubleIn(c, "model.head_gain", 0, 10, true),
        ConfigReads.choice(c, "sigma.transform", SigmaTransform.class));
  }

  /** The configuration of SPEC §2 with the given transform. */
  public static ModelConfig defaults(SigmaTransform transform) {
    return new ModelConfig(64, 5, 16, 1, 16, SigmaFeatureKind.LINEAR, 1e-2, transform);
  }
}
