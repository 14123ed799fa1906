package org.twostep.simulation.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.twostep.common.error.InvalidConfigException;

/** Typed reads that turn a missing or mistyped key into an {@link InvalidConfigException} with its full path. */
final class ConfigReads {
  private ConfigReads() {}

  static double number(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "nothing", "a number");
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a number");
    }
  }

  static long integer(Config c, String key) {
    double v = number(c, key);
    if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "an integer");
    }
    return c.getLong(key);
  }

  static int positiveInt(Config c, String key) {
    long v = integer(c, key);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new InvalidConfigException(key, v, "a positive integer");
    }
    return (int) v;
  }

  static String string(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "nothing", "a string");
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a string");
    }
  }
}
