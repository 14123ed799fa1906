package org.twostep.training.frame;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.io.AtomicFiles;

/** {@code frame.json} in a model directory: the trend the model was trained in; absent when it learned without one. */
public final class TrendFile {
  public static final String NAME = "frame.json";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private TrendFile() {}

  public static void write(Path modelDir, SigmaTrend trend) {
    AtomicFiles.writeString(modelDir.resolve(NAME), GSON.toJson(trend.stored()) + "\n");
  }

  /** The trend of a model directory, or null when it has none. */
  public static SigmaTrend read(Path modelDir) {
    Path file = modelDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      SigmaTrend.Stored s = GSON.fromJson(Files.readString(file), SigmaTrend.Stored.class);
      if (s == null || s.law() == null || s.meanIntercept() == null) {
        throw new InvalidInputException("frame file " + file + " is empty or incomplete");
      }
      return s.trend();
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new InvalidInputException("frame file " + file + " cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a stale frame file (a model retrained without a frame). */
  public static void delete(Path modelDir) {
    try {
      Files.deleteIfExists(modelDir.resolve(NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
