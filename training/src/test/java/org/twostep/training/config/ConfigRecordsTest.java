package org.twostep.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.error.InvalidConfigException;

/** training's reference.conf parses into its records; bad values fail with the full key path. */
class ConfigRecordsTest {
  private static Config with(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigLoader.defaults()).resolve();
  }

  /** SPEC §2's values, except the time sampler (0, 2) chosen on validation over SPEC's (-0.4, 1.0) (reference.conf). */
  @Test
  void defaultsAreSpecSectionTwoExceptTheValidatedTimeSampler() {
    Config c = ConfigLoader.defaults();
    ModelConfig m = ModelConfig.from(c);
    assertEquals(ModelConfig.defaults(SigmaTransform.LOG), m);
    MeanFlowConfig f = MeanFlowConfig.from(c);
    assertEquals(0.95, f.adamBeta2());
    assertEquals(0.5, f.flowMatchingFraction());
    // the time sampler departs from SPEC (-0.4, 1.0) on validation evidence (reference.conf)
    assertEquals(0.0, f.timeMean());
    assertEquals(2.0, f.timeStd());
    assertEquals(0.01, f.adaptiveC());
    assertEquals(new TrainingConfig(DeviceChoice.AUTO, 1, 1), TrainingConfig.from(c));
  }

  @Test
  void badValuesNameTheirKey() {
    assertEquals("model.sigma_features", assertThrows(InvalidConfigException.class,
        () -> ModelConfig.from(with("model.sigma_features = cubic"))).key());
    assertEquals("meanflow.flow_matching_fraction", assertThrows(InvalidConfigException.class,
        () -> MeanFlowConfig.from(with("meanflow.flow_matching_fraction = 1.5"))).key());
    assertEquals("meanflow.batch_size", assertThrows(InvalidConfigException.class,
        () -> MeanFlowConfig.from(with("meanflow.batch_size = many"))).key());
    assertEquals("training.device", assertThrows(InvalidConfigException.class,
        () -> TrainingConfig.from(with("training.device = tpu"))).key());
    assertEquals("model.time_freq_max", assertThrows(InvalidConfigException.class,
        () -> ModelConfig.from(with("model.time_freq_max = 0.5"))).key());
  }
}
