package org.twostep.training.deepparticle;

import java.util.HashMap;
import java.util.Map;
import org.twostep.common.rng.Seeds;
import org.twostep.training.generate.Generator;

/**
 * The frame per sigma (SPEC §3, {@code dp.frame}): the identity, or the per-axis mean and std of
 * {@code samples} generator draws at sigma with a fixed seed, so training and inference see the same frame.
 * Cached per instance (never static: many tasks share a JVM).
 */
final class Frames {
  private final FrameKind kind;
  private final Generator prior;
  private final Coordinates coords;
  private final int samples;
  private final long seed;
  private final Map<Double, Frame> cache = new HashMap<>();

  Frames(FrameKind kind, Generator prior, Coordinates coords, int samples, long seed) {
    this.kind = kind;
    this.prior = prior;
    this.coords = coords;
    this.samples = samples;
    this.seed = seed;
  }

  synchronized Frame at(double sigma) {
    if (kind == FrameKind.NONE) {
      return Frame.identity(coords.dim());
    }
    return cache.computeIfAbsent(sigma, s -> Frame.of(
        coords.toModel(prior.generate(s, samples, Seeds.derive(seed, Seeds.coordinate("dp-frame")))),
        samples, coords.dim()));
  }
}
