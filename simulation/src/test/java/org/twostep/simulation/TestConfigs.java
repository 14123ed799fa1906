package org.twostep.simulation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** Configurations for tests: HOCON overrides on top of every module's reference.conf. */
public final class TestConfigs {
  private TestConfigs() {}

  public static Config of(String hocon) {
    return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  public static Config ks(String flow, int dim, String extra) {
    return of("experiment { name = test-ks, system = ks, flow = " + flow + ", dim = " + dim + " }\n" + extra);
  }

  public static Config kpp(String flow, int dim, String extra) {
    return of("experiment { name = test-kpp, system = kpp, flow = " + flow + ", dim = " + dim + " }\n" + extra);
  }
}
