package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code dp} defaults are the paper's N = 1500, K = 50, exact coupling and block counts, except beta = 1 (SPEC §3
 * reconstructs 0; reference.conf has the validation that chose 1); bad values name their key.
 */
class DpConfigTest {
  private static Config with(String override) {
    return ConfigFactory.parseString(override).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void defaultsAreThePapersExceptTheValidatedBeta() {
    DpConfig c = DpConfig.from(ConfigFactory.defaultReference());
    assertEquals(1500, c.batchSize());
    assertEquals(50, c.refreshEvery());
    assertEquals(CouplingKind.EXACT, c.coupling());
    assertEquals(4, c.blocksFor(false));
    assertEquals(6, c.blocksFor(true));
    assertEquals(1.0, c.beta()); // chosen on validation over SPEC's reconstructed 0 (reference.conf)
  }

  @Test
  void badValuesNameTheirKey() {
    assertEquals("dp.coupling",
        assertThrows(InvalidConfigException.class, () -> DpConfig.from(with("dp.coupling = emd2"))).key());
    assertEquals("dp.batch_size",
        assertThrows(InvalidConfigException.class, () -> DpConfig.from(with("dp.batch_size = 1"))).key());
    assertEquals("dp.lr_min",
        assertThrows(InvalidConfigException.class, () -> DpConfig.from(with("dp.lr_min = 0.5"))).key());
  }
}
