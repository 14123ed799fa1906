package org.twostep.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.util.Arrays;
import java.util.List;
import org.twostep.common.error.InvalidConfigException;

/**
 * An ascending grid of the physical parameter sigma (SPEC §1): a list of values, or a generator
 * {@code {generator = log | linear | pow2neg, from, to, count}}. {@code pow2neg} gives D = 2^-k for k evenly spaced
 * on [from, to], the KPP diffusion constants, sorted ascending.
 */
public final class SigmaGrid {
  private final double[] values;

  private SigmaGrid(double[] values) {
    this.values = values;
  }

  /** An explicit grid; must be non-empty, finite, positive and strictly ascending. */
  public static SigmaGrid of(String key, double... values) {
    if (values.length == 0) {
      throw new InvalidConfigException(key, "[]", "a non-empty list of sigma values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i]) || values[i] <= 0) {
        throw new InvalidConfigException(key + "[" + i + "]", values[i], "a finite positive number");
      }
      if (i > 0 && values[i] <= values[i - 1]) {
        throw new InvalidConfigException(key, Arrays.toString(values), "strictly ascending");
      }
    }
    return new SigmaGrid(values.clone());
  }

  /** Reads the grid at {@code key} (a list or a generator object). */
  public static SigmaGrid from(Config config, String key) {
    if (!config.hasPath(key)) {
      throw new InvalidConfigException(key, "nothing", "a list of sigma values or a generator object");
    }
    ConfigValueType type = config.getValue(key).valueType();
    try {
      if (type == ConfigValueType.LIST) {
        List<Double> list = config.getDoubleList(key);
        return of(key, list.stream().mapToDouble(Double::doubleValue).toArray());
      }
      if (type == ConfigValueType.OBJECT) {
        return generate(config.getConfig(key), key);
      }
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, config.getValue(key).unwrapped(), "a list of numbers or a generator object");
    }
    throw new InvalidConfigException(key, config.getValue(key).unwrapped(), "a list of sigma values or a generator object");
  }

  private static SigmaGrid generate(Config g, String key) {
    String generator = g.getString("generator");
    double from = g.getDouble("from");
    double to = g.getDouble("to");
    int count = g.getInt("count");
    if (count < 1) {
      throw new InvalidConfigException(key + ".count", count, "at least 1");
    }
    if (count > 1 && !(to > from)) {
      throw new InvalidConfigException(key + ".to", to, "greater than " + key + ".from = " + from);
    }
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      double f = count == 1 ? 0 : (double) i / (count - 1);
      v[i] = switch (generator) {
        case "linear" -> from + f * (to - from);
        case "log" -> positive(key, from) * Math.pow(to / from, f);
        case "pow2neg" -> Math.pow(2, -(from + f * (to - from)));
        default -> throw new InvalidConfigException(key + ".generator", generator, "one of log, linear, pow2neg");
      };
    }
    if (count > 1) { // exact end points, so that grids meet at shared values (a log grid ends exactly at `to`)
      v[count - 1] = generator.equals("pow2neg") ? Math.pow(2, -to) : to;
    }
    Arrays.sort(v);
    return of(key, v);
  }

  private static double positive(String key, double from) {
    if (from <= 0) {
      throw new InvalidConfigException(key + ".from", from, "positive for a log grid");
    }
    return from;
  }

  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  public double get(int i) {
    return values[i];
  }

  public double min() {
    return values[0];
  }

  public double max() {
    return values[values.length - 1];
  }

  /** Whether a value lies inside [min, max] up to a relative tolerance (the training range test). */
  public boolean covers(double sigma) {
    double tol = 1e-9 * Math.max(Math.abs(min()), Math.abs(max()));
    return sigma >= min() - tol && sigma <= max() + tol;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
