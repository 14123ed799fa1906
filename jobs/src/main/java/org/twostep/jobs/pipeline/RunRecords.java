package org.twostep.jobs.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.twostep.common.error.InvalidInputException;

/**
 * What {@code pipeline} records about a run beside its tables: {@code DIR/run.conf} (the resolved configuration, so
 * the seed and every override of the run can be read back) and {@code DIR/timings.csv} ({@code stage,seconds,
 * finished_utc}, one line per finished stage, appended by rewriting a temp file and moving it into place).
 */
public final class RunRecords {
  public static final String CONFIG = "run.conf";
  public static final String TIMINGS = "timings.csv";
  static final String TIMINGS_HEADER = "stage,seconds,finished_utc";

  private RunRecords() {}

  /** Where a run's seed was read from. */
  public record Seed(long value, String source) {}

  /** Writes the resolved configuration of the run. */
  public static void writeConfig(Path dir, Config config) {
    String text = "# resolved configuration of the last `twostep pipeline` into this directory\n"
        + config.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false));
    replace(dir.resolve(CONFIG), text);
  }

  /**
   * The configuration a run was made with, read back from its {@code run.conf} (validated like an experiment file,
   * overrides applied); a run without one is bad input naming what to give instead.
   */
  public static Config config(Path dir, java.util.List<String> overrides) {
    Path conf = dir.resolve(CONFIG);
    if (!Files.isRegularFile(conf)) {
      throw new InvalidInputException("run " + dir + " has no " + CONFIG + " (written by `twostep pipeline` and "
          + "`twostep import`): run one of them, or give --config FILE [--profile NAME] as the run was made with");
    }
    return org.twostep.common.config.ConfigLoader.load(conf, null, overrides);
  }

  /** Appends one finished stage to {@code timings.csv}. */
  public static void appendTiming(Path dir, String stage, double seconds, Instant finished) {
    Path file = dir.resolve(TIMINGS);
    StringBuilder sb = new StringBuilder();
    try {
      sb.append(Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : TIMINGS_HEADER + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%s,%.3f,%s%n", stage.replace(",", " "), seconds, finished));
    replace(file, sb.toString());
  }

  /** Seconds per stage (summed over the invocations recorded, in first-recorded order), or null without the file. */
  public static Map<String, Double> timings(Path dir) {
    Path file = dir.resolve(TIMINGS);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] c = line.split(",");
        if (line.isBlank() || line.equals(TIMINGS_HEADER) || c.length < 2) {
          continue;
        }
        out.merge(c[0], Double.parseDouble(c[1]), Double::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(file + " has a line whose seconds are not a number: " + e.getMessage());
    }
    return out;
  }

  /**
   * The run's training seed ({@link Models#trainingSeed}: {@code training.seed}, or {@code experiment.seed} when it is
   * 0): from {@code run.conf}, else from the MeanFlow model card (its {@code seed} is the training seed), else null.
   */
  public static Seed seed(Path dir) {
    Path conf = dir.resolve(CONFIG);
    Path card = dir.resolve("models").resolve("meanflow").resolve("card.json");
    try {
      if (Files.isRegularFile(conf)) {
        com.typesafe.config.Config c = ConfigFactory.parseFile(conf.toFile());
        boolean training = c.hasPath("training.seed") && c.getLong("training.seed") != 0;
        return new Seed(training ? c.getLong("training.seed") : c.getLong("experiment.seed"),
            CONFIG + (training ? " (training.seed)" : " (experiment.seed)"));
      }
      if (Files.isRegularFile(card)) {
        return new Seed(ConfigFactory.parseFile(card.toFile()).getLong("seed"), "models/meanflow/card.json (training seed)");
      }
    } catch (ConfigException e) {
      throw new InvalidInputException("cannot read the seed of run " + dir + ": " + e.getMessage());
    }
    return null;
  }

  private static void replace(Path file, String text) {
    org.twostep.common.io.AtomicFiles.writeString(file, text);
  }
}
