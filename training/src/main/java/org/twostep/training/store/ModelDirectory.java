package org.twostep.training.store;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.twostep.common.error.InvalidInputException;

/**
 * A model directory ({@code DIR/models/meanflow/}): {@code params.ndlist} (DJL's NDList encoding of the sampling
 * weights), {@code card.json}, {@code loss.csv}, and {@code checkpoint/} with the full training state. Every file is
 * written atomically; a parameter file is checked against the digest its card records before it is decoded.
 */
public final class ModelDirectory {
  public static final String PARAMS = "params.ndlist";
  public static final String CARD = "card.json";
  public static final String LOSS = "loss.csv";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  private final Path root;

  public ModelDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path params() {
    return root.resolve(PARAMS);
  }

  public Path card() {
    return root.resolve(CARD);
  }

  public Path loss() {
    return root.resolve(LOSS);
  }

  public Path checkpointState() {
    return root.resolve("checkpoint").resolve("state.ndlist");
  }

  public Path checkpointCard() {
    return root.resolve("checkpoint").resolve("card.json");
  }

  /** Writes arrays to {@code file}, returning the file's SHA-256. */
  public static String writeArrays(Path file, NDList arrays) {
    Files2.writeAtomically(file, arrays::encode);
    return Files2.sha256(file);
  }

  /** Reads arrays from {@code file}, verifying its SHA-256 first; a mismatch or undecodable file is bad input. */
  public static NDList readArrays(Path file, String sha256, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("parameter file " + file + " is missing");
    }
    String found = Files2.sha256(file);
    if (sha256 != null && !sha256.equals(found)) {
      throw new InvalidInputException("parameter file " + file + " is corrupted: SHA-256 " + found
          + " differs from " + sha256 + " recorded in its card");
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      return NDList.decode(manager, in);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("parameter file " + file + " cannot be decoded: " + e.getMessage(), e);
    }
  }

  public static void writeCard(Path file, ModelCard card) {
    Files2.writeAtomically(file, out -> out.write(GSON.toJson(card).getBytes(StandardCharsets.UTF_8)));
  }

  /** The card at {@code file}, or null if there is none; an unreadable card is bad input. */
  /** The card of a finished model trained with this config hash, or null (then train, or resume). */
  public ModelCard finishedWith(String configHash) {
    ModelCard done = readCard(card());
    return done != null && done.finished() && configHash.equals(done.configHash()) ? done : null;
  }

  /** The checkpoint card to resume from: same config hash and short of {@code totalSteps}; else null (start fresh). */
  public ModelCard resumableWith(String configHash, int totalSteps) {
    ModelCard ckpt = readCard(checkpointCard());
    return ckpt != null && configHash.equals(ckpt.configHash()) && ckpt.stepsDone() < totalSteps && !ckpt.finished()
        ? ckpt : null;
  }

  public static ModelCard readCard(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      ModelCard card = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ModelCard.class);
      if (card == null || card.format() != ModelCard.FORMAT || card.architecture() == null) {
        throw new InvalidInputException("model card " + file + " is not a format-" + ModelCard.FORMAT + " card");
      }
      return card;
    } catch (JsonParseException e) {
      throw new InvalidInputException("model card " + file + " is not valid JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
