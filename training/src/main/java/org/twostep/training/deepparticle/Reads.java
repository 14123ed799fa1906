package org.twostep.training.deepparticle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Locale;
import org.twostep.common.error.InvalidConfigException;

/** Typed, range-checked reads of one key for the {@code dp}, {@code imm} and {@code ablate} sections. */
public final class Reads {
  private Reads() {}

  public static int intIn(Config c, String key, int min, int max) {
    int v;
    try {
      v = c.getInt(key);
    } catch (ConfigException.Missing | ConfigException.WrongType e) {
      throw new InvalidConfigException(key, found(c, key), "an integer in [" + min + ", " + max + "]");
    }
    if (v < min || v > max) {
      throw new InvalidConfigException(key, v, "an integer in [" + min + ", " + max + "]");
    }
    return v;
  }

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

  public static <E extends Enum<E>> E choice(Config c, String key, Class<E> type) {
    String expected = "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
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
