package org.twostep.evaluation.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;
import org.twostep.common.error.InvalidConfigException;

/** Typed reads that turn a missing or mistyped key into an {@link InvalidConfigException} with its full path. */
final class Reads {
  private Reads() {}

  static double number(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "nothing", "a number");
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a number");
    }
  }

  static int positiveInt(Config c, String key) {
    double v = number(c, key);
    if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a positive integer");
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

  static List<String> strings(Config c, String key) {
    try {
      return List.copyOf(c.getStringList(key));
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "nothing", "a list of strings");
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a list of strings");
    }
  }

  static double[] numbers(Config c, String key) {
    try {
      return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
    } catch (ConfigException.Missing e) {
      throw new InvalidConfigException(key, "nothing", "a list of numbers");
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, c.getValue(key).unwrapped(), "a list of numbers");
    }
  }
}
