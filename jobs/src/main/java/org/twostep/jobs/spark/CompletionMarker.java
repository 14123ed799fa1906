package org.twostep.jobs.spark;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * What a published unit's {@code _DONE.<unit>.json} marker says, written and read as JSON: the config hash and code
 * version of the run that published it, when, and for a simulate unit its sigma (an extended grid can move a sigma to
 * another sigma_index), for generated clouds the model. Absent fields are null and left out of the JSON; the field
 * names ({@code config_hash, code_version, sigma, model, written_at}) are those every marker has carried.
 */
public record CompletionMarker(String configHash, String codeVersion, Double sigma, String model, String writtenAt) {
  private static final Gson GSON =
      new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

  /** A marker written now. */
  public static CompletionMarker of(String configHash, String codeVersion) {
    return new CompletionMarker(configHash, codeVersion, null, null, java.time.Instant.now().toString());
  }

  public CompletionMarker withSigma(double s) {
    return new CompletionMarker(configHash, codeVersion, s, model, writtenAt);
  }

  public CompletionMarker withModel(String m) {
    return new CompletionMarker(configHash, codeVersion, sigma, m, writtenAt);
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  /** The marker in {@code json}, or null when it is not a marker's JSON (a unit with such a marker is incomplete). */
  public static CompletionMarker parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return GSON.fromJson(json, CompletionMarker.class);
    } catch (JsonParseException e) {
      return null;
    }
  }

  /** Whether the unit was published with this config hash. */
  public boolean hasHash(String hash) {
    return hash.equals(configHash);
  }

  /** Whether the unit holds this sigma, to the last bit (old markers wrote Double.toString, which round-trips). */
  public boolean hasSigma(double s) {
    return sigma != null && Double.compare(sigma, s) == 0;
  }
}
