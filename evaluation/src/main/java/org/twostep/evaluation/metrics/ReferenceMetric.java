package org.twostep.evaluation.metrics;

import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.config.EvaluateConfig;

/**
 * The configured distance with everything the reference fixes (SPEC §6): the histogram box (its padded bounding
 * box, so every model at one sigma shares a grid), the torus, or the reference subsample. Calls module
 * {@code common}'s optimal transport.
 */
public final class ReferenceMetric {
  private final EvaluateConfig config;
  private final ParticleCloud reference;
  private final long seed;

  private ReferenceMetric(EvaluateConfig config, ParticleCloud reference, long seed) {
    this.config = config;
    this.reference = reference;
    this.seed = seed;
  }

  public static ReferenceMetric of(EvaluateConfig config, ParticleCloud reference, long seed) {
    return new ReferenceMetric(config, reference, seed);
  }

  /** The distance of a generated cloud from the reference. */
  public Distance measure(ParticleCloud generated) {
    // wired to common.ot's Wasserstein metrics once that package publishes them
    throw new UnsupportedOperationException("common.ot W2 metrics are not available yet (" + config.metric() + ", "
        + reference + ", " + generated + ", seed " + seed + ")");
  }
}
