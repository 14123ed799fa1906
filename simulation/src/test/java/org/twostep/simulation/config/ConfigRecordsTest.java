package org.twostep.simulation.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.simulation.TestConfigs;

class ConfigRecordsTest {

  /** SPEC §1's values, except kpp.resample_every = M (SPEC resamples every substep; reference.conf says why). */
  @Test
  void defaultsAreSpecSectionOneExceptResamplingOncePerPeriod() {
    Config c = TestConfigs.ks("laminar", 3, "");
    KsConfig ks = KsConfig.from(c);
    assertEquals(new KsConfig(1.0, 200.0, 0.1, 0.05, 0.02, 2e-4, 10000, 100.0, LaminarProfile.GAUSSIAN), ks);
    assertEquals(100, ks.steps());
    KppConfig kpp = KppConfig.from(c, 2);
    assertEquals(new KppConfig(1.0, 0, 100, 10000, 256, 1.0, 2 * Math.PI, 100), kpp);
    SimulationSetup setup = SimulationSetup.from(c);
    assertEquals(SystemKind.KS, setup.system());
    assertEquals(FlowKind.LAMINAR, setup.flow());
  }

  /** Each bad value fails with the full path of its key. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ks.dt = 0 | ks.dt",
      "ks.dt = -1e-4 | ks.dt",
      "ks.particles = 0 | ks.particles",
      "ks.particles = 1.5 | ks.particles",
      "ks.t_end = 0.0201 | ks.t_end",
      "ks.delta = 0 | ks.delta",
      "ks.chi = abc | ks.chi",
      "ks.mu = -0.1 | ks.mu",
      "ks.laminar_profile = parabolic | ks.laminar_profile",
      "experiment.flow = cellular | experiment.flow",
      "experiment.flow = swirl | experiment.flow",
      "experiment.system = ns | experiment.system",
      "experiment.dim = 2 | experiment.dim",
  })
  void ksRejects(String override, String key) {
    Config c = TestConfigs.ks("laminar", 3, override);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> {
      SimulationSetup.from(c);
      KsConfig.from(c);
    });
    assertEquals(key, e.key());
  }

  @Test
  void kolmogorovKsIsThreeDimensionalOnly() {
    Config c = TestConfigs.ks("kolmogorov", 4, "");
    assertEquals("experiment.dim", assertThrows(InvalidConfigException.class, () -> SimulationSetup.from(c)).key());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kpp.direction = 2 | kpp.direction",
      "kpp.direction = -1 | kpp.direction",
      "kpp.substeps = 0 | kpp.substeps",
      "kpp.particles = 0 | kpp.particles",
      "kpp.reference_generations = 0 | kpp.reference_generations",
      "kpp.domain_length = 1.0 | kpp.domain_length",
      "kpp.lambda = 0 | kpp.lambda",
  })
  void kppRejects(String override, String key) {
    Config c = TestConfigs.kpp("cellular", 2, override);
    assertEquals(key, assertThrows(InvalidConfigException.class, () -> KppConfig.from(c, 2)).key());
  }

  @Test
  void kppAcceptsTwoPeriodsOfTheFlow() {
    Config c = TestConfigs.kpp("kolmogorov_td", 3, "kpp.domain_length = 12.566370614359172, kpp.direction = 2");
    assertEquals(4 * Math.PI, KppConfig.from(c, 3).domainLength(), 1e-15);
    assertEquals(2, KppConfig.from(c, 3).direction());
  }
}
