package org.twostep.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;

/**
 * Loads the effective configuration of a run: the merged {@code reference.conf} of every module, then the
 * experiment file, then its profile ({@code profiles.<name>} inside the file), then {@code key=value} overrides.
 * Every key must exist in the reference (so a typo fails at start-up with its path) and have its type.
 */
public final class ConfigLoader {

  /** The section of an experiment file that holds the profiles; not itself a configuration key. */
  public static final String PROFILES = "profiles";

  /** Keys whose value may be a list or a generator object, validated by {@link SigmaGrid}. */
  private static final List<String> POLYMORPHIC = List.of("sigma.train", "sigma.test");

  private ConfigLoader() {}

  /** Loads a run configuration; {@code profile} may be null for the file's own values. */
  public static Config load(Path file, String profile, List<String> overrides) {
    // defaultReference() would mix in the JVM's system properties: keep the configuration to reference.conf files
    Config unresolvedReference = ConfigFactory.defaultReferenceUnresolved();
    Config reference = unresolvedReference.resolve();
    Config fileConfig = parseFile(file);
    Config layered = fileConfig.withoutPath(PROFILES);
    if (profile != null) {
      layered = profileOf(fileConfig, profile, file).withFallback(layered);
    }
    Config overrideConfig = parseOverrides(overrides);
    Config user = overrideConfig.withFallback(layered);
    rejectUnknownKeys(user, reference);
    Config merged;
    try {
      merged = user.withFallback(unresolvedReference).resolve();
    } catch (ConfigException e) {
      throw new InvalidConfigException(pathOf(e), e.getMessage());
    }
    checkTypes(merged, reference);
    return merged;
  }

  /** The reference configuration alone, resolved (what a test or a library default uses). */
  public static Config defaults() {
    return ConfigFactory.defaultReferenceUnresolved().resolve();
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("config file " + file + " does not exist or is not a file");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidConfigException(file.toString(), "cannot be parsed: " + e.getMessage());
    }
  }

  private static Config profileOf(Config fileConfig, String profile, Path file) {
    String key = PROFILES + "." + profile;
    if (!fileConfig.hasPath(key)) {
      Object known = fileConfig.hasPath(PROFILES) ? fileConfig.getObject(PROFILES).keySet() : "none";
      throw new InvalidConfigException(key, profile, "a profile defined in " + file + " (defined: " + known + ")");
    }
    try {
      return fileConfig.getConfig(key);
    } catch (ConfigException.WrongType e) {
      throw new InvalidConfigException(key, fileConfig.getValue(key).unwrapped(), "an object of keys");
    }
  }

  private static Config parseOverrides(List<String> overrides) {
    Config result = ConfigFactory.empty();
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new InvalidConfigException(override, override, "an override of the form key=value");
      }
      String key = override.substring(0, eq).trim();
      try {
        Config one = ConfigFactory.parseString(override, ConfigParseOptions.defaults().setOriginDescription("command line"));
        result = one.withFallback(result);
      } catch (ConfigException e) {
        throw new InvalidConfigException(key, override.substring(eq + 1), "a HOCON value (" + e.getMessage() + ")");
      }
    }
    return result;
  }

  private static void rejectUnknownKeys(Config user, Config reference) {
    TreeSet<String> unknown = new TreeSet<>();
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      String path = e.getKey();
      if (!reference.hasPathOrNull(path) && !underPolymorphic(path, reference)) {
        unknown.add(path);
      }
    }
    if (!unknown.isEmpty()) {
      String first = unknown.first();
      throw new InvalidConfigException(first, "unknown key (from " + user.getValue(first).origin().description()
          + ")" + (unknown.size() > 1 ? "; also unknown: " + new ArrayList<>(unknown).subList(1, unknown.size()) : ""));
    }
  }

  private static boolean underPolymorphic(String path, Config reference) {
    for (String p : POLYMORPHIC) {
      if (path.equals(p)) {
        return true;
      }
      if (path.startsWith(p + ".")) {
        return reference.hasPath(path);
      }
    }
    return false;
  }

  private static void checkTypes(Config merged, Config reference) {
    List<String> roots = new ArrayList<>();
    for (String top : reference.root().keySet()) {
      if (top.equals("sigma")) {
        for (String k : reference.getObject("sigma").keySet()) {
          if (!POLYMORPHIC.contains("sigma." + k)) {
            roots.add("sigma." + k);
          }
        }
      } else {
        roots.add(top);
      }
    }
    try {
      merged.checkValid(reference, roots.toArray(String[]::new));
    } catch (ConfigException.ValidationFailed e) {
      ConfigException.ValidationProblem p = e.problems().iterator().next();
      Object found = merged.hasPathOrNull(p.path()) && !merged.getIsNull(p.path())
          ? merged.getValue(p.path()).unwrapped() : "nothing";
      throw new InvalidConfigException(p.path(), found, p.problem().replaceFirst("^Wrong value type at '[^']*', ", ""));
    }
    // checkValid accepts a string wherever a number or boolean is expected; parse those leaves to be sure
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      String path = e.getKey();
      ConfigValueType want = e.getValue().valueType();
      if (isUnder(path, POLYMORPHIC) || !merged.hasPath(path)) {
        continue;
      }
      try {
        if (want == ConfigValueType.NUMBER) {
          merged.getDouble(path);
        } else if (want == ConfigValueType.BOOLEAN) {
          merged.getBoolean(path);
        }
      } catch (ConfigException.WrongType ex) {
        throw new InvalidConfigException(path, merged.getValue(path).unwrapped(), "a " + want + " (like the default "
            + e.getValue().render() + ")");
      }
    }
  }

  private static boolean isUnder(String path, List<String> roots) {
    for (String r : roots) {
      if (path.equals(r) || path.startsWith(r + ".")) {
        return true;
      }
    }
    return false;
  }

  private static String pathOf(ConfigException e) {
    return e.origin() == null ? "config" : e.origin().description();
  }
}
