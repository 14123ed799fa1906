package org.twostep.evaluation.metrics;

import org.twostep.common.data.ParticleCloud;
import org.twostep.common.rng.Seeds;
import org.twostep.evaluation.config.EvaluateConfig;

/**
 * One (model, sigma) measurement (SPEC §6): the configured distance of a generated cloud from the test reference,
 * on the grid the reference fixes. The subsample stream depends on (experiment, sigma) only, so every model at one
 * sigma is measured against the same reference subsample. Moment errors are left NaN: the caller fills them
 * ({@link MetricRow#withMoments}), the Spark job from its distributed summary.
 */
public final class MetricComputation {
  private static final long STREAM = Seeds.coordinate("evaluate");

  private MetricComputation() {}

  public static MetricRow measure(EvaluateConfig config, MetricContext ctx, EvalTask task, boolean inTrainingRange,
      ParticleCloud reference, ParticleCloud generated) {
    long t0 = System.nanoTime();
    long seed = Seeds.derive(ctx.seedRoot(), STREAM, Seeds.coordinate(task.sigma()));
    ReferenceMetric metric = ReferenceMetric.of(config, reference, seed);
    Distance d = metric.measure(generated);
    double particle = metric.particle(generated, d);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new MetricRow(ctx.experiment(), task.model(), config.metric().label(), task.sigma(), task.sigmaIndex(),
        inTrainingRange, d.w2sq(), d.w2(), config.bins(), reference.size(), generated.size(), Double.NaN, Double.NaN,
        metric.outsideMass(generated), particle, seconds, ctx.configHash(), ctx.codeVersion());
  }
}
