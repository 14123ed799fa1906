package org.twostep.evaluation.metrics;

import org.twostep.common.data.ParticleCloud;
import org.twostep.common.ot.GroundCost;
import org.twostep.common.ot.HistogramGrid;
import org.twostep.common.ot.SlicedWasserstein;
import org.twostep.common.ot.W2Result;
import org.twostep.common.ot.Wasserstein;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.config.MetricKind;

/**
 * The configured distance with everything the reference fixes (SPEC §6): the histogram grid over the reference's
 * padded bounding box (built once, so every model at one sigma is binned on the same cells), the torus, or the
 * subsample stream. The optimal transport itself is module {@code common}'s {@link Wasserstein}.
 */
public final class ReferenceMetric {
  private final EvaluateConfig config;
  private final ParticleCloud reference;
  private final long seed;
  private final HistogramGrid grid;
  private final HistogramGrid box;

  private ReferenceMetric(EvaluateConfig config, ParticleCloud reference, long seed) {
    this.config = config;
    this.reference = reference;
    this.seed = seed;
    this.grid = switch (config.metric()) {
      case HISTOGRAM -> HistogramGrid.fromReference(reference, config.histogramBins(), config.padding());
      case TORUS -> HistogramGrid.torus(reference.dim(), config.domainLength(), config.torusBins());
      case PROJECTED, SUBSAMPLE, SLICED -> null;
    };
    this.box = switch (config.metric()) {
      case HISTOGRAM -> grid;
      case SUBSAMPLE, SLICED -> HistogramGrid.fromReference(reference, 1, HistogramGrid.DEFAULT_PADDING);
      case TORUS, PROJECTED -> null;
    };
  }

  /** The share of a generated cloud outside the reference's padded bounding box; NaN on a torus. */
  public double outsideMass(ParticleCloud generated) {
    return box == null ? Double.NaN : box.outsideFraction(generated);
  }

  /**
   * @param seed the subsample stream's seed (the subsample EMD draws the same reference points, the sliced W2 the
   *     same directions, for every model measured with it)
   */
  public static ReferenceMetric of(EvaluateConfig config, ParticleCloud reference, long seed) {
    return new ReferenceMetric(config, reference, seed);
  }

  /**
   * The particle-level view of the same pair: W2² of the exact EMD between subsamples of both clouds (the subsample
   * stream of {@link #measure}), on the torus with the periodic cost; NaN when {@code evaluate.particle_view} is off.
   * Under the subsample EMD it is that very measurement ({@code measured}), not solved again.
   */
  public double particle(ParticleCloud generated, Distance measured) {
    if (!config.particleView()) {
      return Double.NaN;
    }
    if (config.metric() == MetricKind.SUBSAMPLE) {
      return measured.w2sq(); // same subsamples, same cost
    }
    GroundCost ground = config.metric().periodic() ? GroundCost.periodic(config.domainLength())
        : GroundCost.squaredEuclidean();
    return Wasserstein.subsample(reference, generated, config.subsample(), seed, ground).w2sq();
  }

  /** The distance of a generated cloud from the reference. */
  public Distance measure(ParticleCloud generated) {
    W2Result r = switch (config.metric()) {
      case HISTOGRAM, TORUS -> Wasserstein.histogram(reference, generated, grid);
      case PROJECTED -> Wasserstein.projected(reference, generated, config.domainLength(), config.torusBins());
      case SUBSAMPLE -> Wasserstein.subsample(reference, generated, config.subsample(), seed);
      case SLICED -> SlicedWasserstein.between(reference, generated, config.slicedDirections(), seed);
    };
    return new Distance(r.w2sq(), r.w2());
  }
}
