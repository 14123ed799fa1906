package org.twostep.jobs.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.twostep.common.error.InvalidConfigException;

/**
 * What {@code twostep validate} runs: the training grid minus the held-out sigma becomes the validation run's training
 * grid, and the whole training grid its scoring grid (so every training sigma gets an independent reference and a
 * noise floor, and the held-out ones are scored as extrapolation). The test grid is never simulated or scored. The
 * validation simulation has its own seed ({@code experiment.seed + validate.seed_offset}), so no particle of it is a
 * particle of the published run's references.
 *
 * @param train the validation run's training grid
 * @param scored the sigma scored: the configured training grid
 * @param heldOut the sigma left out of training
 */
public record ValidationPlan(double[] train, double[] scored, double[] heldOut) {

  /**
   * Which ends of the training grid are held out: the top (KS extrapolates to larger sigma), the bottom (KPP
   * extrapolates to smaller D) or both.
   */
  public enum Holdout {
    TOP, BOTTOM, BOTH;

    public static Holdout of(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "top" -> TOP;
        case "bottom" -> BOTTOM;
        case "both" -> BOTH;
        default -> throw new InvalidConfigException("--holdout", s, "top, bottom or both");
      };
    }
  }

  public ValidationPlan {
    train = train.clone();
    scored = scored.clone();
    heldOut = heldOut.clone();
  }

  /** The plan holding out one sigma at each chosen end of a training grid (ascending). */
  public static ValidationPlan of(double[] trainingGrid, Holdout holdout) {
    return of(trainingGrid, holdout, 1);
  }

  /**
   * The plan holding out {@code count} sigma at each chosen end of a training grid (ascending), so extrapolation is
   * scored at one and more grid steps beyond the range; at least two sigma must remain for training.
   */
  public static ValidationPlan of(double[] trainingGrid, Holdout holdout, int count) {
    if (count < 1) {
      throw new InvalidConfigException("--holdout-count", count, "at least 1");
    }
    int n = trainingGrid.length;
    int from = holdout == Holdout.TOP ? 0 : count;
    int to = holdout == Holdout.BOTTOM ? n : n - count;
    if (to - from < 2) {
      throw new InvalidConfigException("sigma.train", Arrays.toString(trainingGrid), "at least " + (n - (to - from) + 2)
          + " values to hold out " + count + " at the " + holdout.name().toLowerCase(Locale.ROOT) + " and train on two");
    }
    double[] train = Arrays.copyOfRange(trainingGrid, from, to);
    double[] heldOut = new double[n - train.length];
    System.arraycopy(trainingGrid, 0, heldOut, 0, from);
    System.arraycopy(trainingGrid, to, heldOut, from, n - to);
    return new ValidationPlan(train, trainingGrid, heldOut);
  }

  /** The overrides that turn an experiment's configuration into this validation run's (appended after the user's). */
  public List<String> overrides(long experimentSeed, long seedOffset, long trainingSeed) {
    List<String> o = new ArrayList<>();
    o.add("experiment.seed=" + (experimentSeed + seedOffset));
    o.add("training.seed=" + trainingSeed);
    o.add("sigma.train=" + list(train));
    o.add("sigma.test=" + list(scored));
    o.add("pipeline.models=[meanflow, meanflow_dp]");
    return o;
  }

  /** Whether sigma was held out of training. */
  public boolean isHeldOut(double sigma) {
    for (double h : heldOut) {
      if (Math.abs(h - sigma) <= 1e-9 * Math.abs(h)) {
        return true;
      }
    }
    return false;
  }

  /** A short stable name of a variant: its overrides, in order, hashed ("baseline" when there are none). */
  public static String variantName(List<String> userOverrides) {
    if (userOverrides.isEmpty()) {
      return "baseline";
    }
    String joined = String.join("\n", userOverrides);
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "v-" + java.util.HexFormat.of().formatHex(d, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String list(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationPlan p && Arrays.equals(p.train, train) && Arrays.equals(p.scored, scored)
        && Arrays.equals(p.heldOut, heldOut);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(scored)) + Arrays.hashCode(heldOut);
  }
}
