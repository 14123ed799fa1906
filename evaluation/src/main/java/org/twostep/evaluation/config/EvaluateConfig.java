package org.twostep.evaluation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import java.util.List;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code evaluate} section with what it needs of {@code experiment} and {@code kpp} (SPEC §6).
 *
 * @param metric the distance, resolved from {@code evaluate.metric} (auto picks the experiment's own)
 * @param histogramBins bins per axis of the histogram W2
 * @param padding fraction of the reference extent added on each side of the histogram box
 * @param torusBins bins per axis of the torus W2
 * @param subsample points per cloud of the subsample EMD
 * @param slicedDirections random directions of the sliced W2
 * @param domainLength side of the torus (KPP); unused by the non-periodic metrics
 * @param models the models to evaluate; empty means every model found
 * @param particleView whether every row also gets the particle-level distance (exact EMD between subsamples of
 *     {@code subsample} points, the domain's ground cost), so no conclusion rests on one binning
 */
public record EvaluateConfig(MetricKind metric, int histogramBins, double padding, int torusBins, int subsample,
    int slicedDirections, double domainLength, List<String> models, boolean particleView)
    implements java.io.Serializable {

  public EvaluateConfig {
    if (!(padding >= 0) || Double.isInfinite(padding)) {
      throw new InvalidConfigException("evaluate.histogram.padding", padding, "a finite number >= 0");
    }
    if (metric.periodic() && !(domainLength > 0)) {
      throw new InvalidConfigException("kpp.domain_length", domainLength, "positive for the " + metric.label());
    }
    models = List.copyOf(models);
  }

  public static EvaluateConfig from(Config c) {
    String system = ConfigReads.string(c, "experiment.system");
    int dim = ConfigReads.positiveInt(c, "experiment.dim");
    MetricKind metric = MetricKind.of(ConfigReads.string(c, "evaluate.metric"), system, dim);
    if (metric.periodic() && !system.equals("kpp")) {
      throw new InvalidConfigException("evaluate.metric", metric.label(), "a non-periodic metric for system " + system);
    }
    if (metric == MetricKind.PROJECTED && dim < 3) {
      throw new InvalidConfigException("evaluate.metric", "projected", "a metric for " + dim + "D (projected needs 3D)");
    }
    double length = system.equals("kpp") ? ConfigReads.number(c, "kpp.domain_length") : 0;
    return new EvaluateConfig(metric, ConfigReads.positiveInt(c, "evaluate.histogram.bins"),
        ConfigReads.number(c, "evaluate.histogram.padding"), ConfigReads.positiveInt(c, "evaluate.torus.bins"),
        ConfigReads.positiveInt(c, "evaluate.subsample.n"), ConfigReads.positiveInt(c, "evaluate.sliced.directions"),
        length, ConfigReads.strings(c, "evaluate.models"), ConfigReads.bool(c, "evaluate.particle_view"));
  }

  /**
   * The bins column of {@code metrics/}: bins per axis for histogram metrics, points for the subsample EMD, directions
   * for the sliced W2.
   */
  public int bins() {
    return switch (metric) {
      case HISTOGRAM -> histogramBins;
      case TORUS, PROJECTED -> torusBins;
      case SUBSAMPLE -> subsample;
      case SLICED -> slicedDirections;
    };
  }
}
