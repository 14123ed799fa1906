package org.twostep.training.deepparticle;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twostep.common.error.InvalidInputException;

/** Reads and atomically writes {@link CorrectorCard} JSON (beside the shared card of the model directory). */
final class CorrectorFiles {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  private CorrectorFiles() {}

  static void write(Path file, CorrectorCard card) {
    org.twostep.common.io.AtomicFiles.writeString(file, GSON.toJson(card));
  }

  /** The card at {@code file}, or null if there is none; an unreadable card is bad input. */
  static CorrectorCard read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      CorrectorCard c = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), CorrectorCard.class);
      if (c == null || c.format() != CorrectorCard.FORMAT) {
        throw new InvalidInputException("corrector card " + file + " is not a format-" + CorrectorCard.FORMAT + " card");
      }
      return c;
    } catch (JsonParseException e) {
      throw new InvalidInputException("corrector card " + file + " is not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
