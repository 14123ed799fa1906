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

/**
 * {@code frame.json} in a model directory: the frame the model was trained in; absent when it learned without one. A
 * covariance frame carries {@code "kind": "covariance"}; a file without a kind is a trend (as written before kinds).
 */
public final class TrendFile {
  public static final String NAME = "frame.json";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private TrendFile() {}

  public static void write(Path modelDir, SigmaFrame frame) {
    Object stored;
    if (frame instanceof SigmaTrend t) {
      stored = t.stored();
    } else if (frame instanceof CovarianceFrame f) {
      stored = f.stored();
    } else {
      throw new IllegalArgumentException("no stored form for " + frame.getClass().getSimpleName());
    }
    AtomicFiles.writeString(modelDir.resolve(NAME), GSON.toJson(stored) + "\n");
  }

  /** The frame of a model directory, or null when it has none. */
  public static SigmaFrame read(Path modelDir) {
    Path file = modelDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      String text = Files.readString(file);
      com.google.gson.JsonElement json = com.google.gson.JsonParser.parseString(text);
      com.google.gson.JsonElement kind = json.isJsonObject() ? json.getAsJsonObject().get("kind") : null;
      if (kind != null && CovarianceFrame.KIND.equals(kind.getAsString())) {
        CovarianceFrame.Stored f = GSON.fromJson(json, CovarianceFrame.Stored.class);
        if (f.sigmas() == null || f.mean() == null || f.cholesky() == null) {
          throw new InvalidInputException("frame file " + file + " is empty or incomplete");
        }
        return f.frame();
      }
      SigmaTrend.Stored s = GSON.fromJson(json, SigmaTrend.Stored.class);
      if (s == null || s.law() == null || s.meanIntercept() == null) {
        throw new InvalidInputException("frame file " + file + " is empty or incomplete");
      }
      return s.trend();
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
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
