package org.twostep.training.deepparticle;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.training.meanflow.SigmaFeatures;

/**
 * How far beyond its training range the corrector is trusted ({@code dp.trust_width}): its displacement is scaled by
 * {@code w = max(0, 1 - d / width)}, d the distance of sigma beyond the nearest end of the range in training-grid
 * steps (the mean spacing of the transformed training sigma), so w = 1 in range and the two-step sampler falls back to
 * its generator where the correction is not trusted. A sampling setting: the corrector trains the same with any width.
 *
 * @param widthSteps grid steps beyond the range over which the weight falls from 1 to 0; infinite = full correction
 *     everywhere, 0 = the generator alone beyond the range
 */
public record TrustFade(double widthSteps) {
  public static final String KEY = "dp.trust_width";
  public static final TrustFade FULL = new TrustFade(Double.POSITIVE_INFINITY);

  public TrustFade {
    if (!(widthSteps >= 0)) {
      throw new IllegalArgumentException("trust width must be >= 0, got " + widthSteps);
    }
  }

  /** {@code dp.trust_width}: "none" (full correction everywhere) or a number of grid steps >= 0. */
  public static TrustFade from(Config c) {
    if (!c.hasPath(KEY)) {
      return FULL;
    }
    Object v = c.getValue(KEY).unwrapped();
    if (c.getValue(KEY).valueType() == ConfigValueType.STRING && "none".equals(v)) {
      return FULL;
    }
    if (v instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue())) {
      return new TrustFade(n.doubleValue());
    }
    throw new InvalidConfigException(KEY, v, "\"none\" or a number of training-grid steps >= 0");
  }

  public boolean full() {
    return widthSteps == Double.POSITIVE_INFINITY;
  }

  /** The weight of the correction at sigma, for a corrector whose features span {@code trainingCount} grid values. */
  public double weight(SigmaFeatures features, int trainingCount, double sigma) {
    if (full()) {
      return 1.0;
    }
    double s = features.scaled(sigma);
    double beyondSpan = Math.max(0.0, Math.max(s - 1.0, -s));
    if (beyondSpan <= 1e-9) {
      return 1.0; // in range (the ends up to rounding)
    }
    double beyond = beyondSpan * Math.max(1, trainingCount - 1);
    return widthSteps == 0 ? 0.0 : Math.max(0.0, 1.0 - beyond / widthSteps);
  }

  /**
   * Replaces the corrected points {@code r} by {@code y + w·(r - y)}, the displacement taken as the minimal image on a
   * torus: the network's output is unwrapped, so a move of -0.1 may come out as 2pi - 0.1, and scaling that would
   * carry the point halfway round the torus.
   */
  static void blend(float[] y, float[] r, double w, Coordinates coords) {
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) (y[i] + w * coords.displacement(r[i], y[i]));
    }
  }

  /** How the width enters the name of generated clouds ("" for the full correction, whose clouds predate the key). */
  public String hashSuffix() {
    return full() ? "" : "-t" + widthSteps;
  }
}
