package org.twostep.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twostep.common.error.InvalidConfigException;

/**
 * Typed reads for the {@code from(Config)} factories of every module: each failure is an
 * {@link InvalidConfigException} naming the full key, the value found and what was expected.
 */
public final class ConfigReads {
  private ConfigReads() {}

  public static double number(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "a number");
    }
  }

  /** A whole number (as written, not rounded). */
  public static long integer(Config c, String key) {
    double v = number(c, key);
    if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
      throw new InvalidConfigException(key, found(c, key), "an integer");
    }
    return c.getLong(key);
  }

  public static int positiveInt(Config c, String key) {
    long v = integer(c, key);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new InvalidConfigException(key, v, "a positive integer");
    }
    return (int) v;
  }

  public static int intIn(Config c, String key, int min, int max) {
    String expected = "an integer in [" + min + ", " + max + "]";
    long v;
    try {
      v = integer(c, key);
    } catch (InvalidConfigException e) {
      throw new InvalidConfigException(key, found(c, key), expected);
    }
    if (v < min || v > max) {
      throw new InvalidConfigException(key, v, expected);
    }
    return (int) v;
  }

  /** A number in [min, max], or (min, max] when {@code openMin}. */
  public static double doubleIn(Config c, String key, double min, double max, boolean openMin) {
    String expected = "a number in " + (openMin ? "(" : "[") + min + ", " + max + "]";
    double v;
    try {
      v = c.getDouble(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), expected);
    }
    if (!(v >= min && v <= max) || (openMin && v == min)) {
      throw new InvalidConfigException(key, v, expected);
    }
    return v;
  }

  public static boolean bool(Config c, String key) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "true or false");
    }
  }

  public static String string(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "a string");
    }
  }

  public static List<String> strings(Config c, String key) {
    try {
      return List.copyOf(c.getStringList(key));
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "a list of strings");
    }
  }

  public static double[] numbers(Config c, String key) {
    try {
      return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "a list of numbers");
    }
  }

  /** One of an enum's constants, written in any case. */
  public static <E extends Enum<E>> E choice(Config c, String key, Class<E> type) {
    String expected = "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
    String s;
    try {
      s = c.getString(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), expected);
    }
    try {
      return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(key, s, expected);
    }
  }

  private static Object found(Config c, String key) {
    return c.hasPathOrNull(key) && !c.getIsNull(key) ? c.getValue(key).unwrapped() : "nothing";
  }
}
