package org.twostep.evaluation.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import java.util.List;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code report} section (SPEC §6 plots).
 *
 * @param projectionSigma the sigma values of the projection images, all on the test grid
 * @param projectionModels the generated models shown beside the reference
 * @param imageBins bins per axis of a projection density image
 * @param width PNG width in pixels
 * @param height PNG height in pixels
 */
public record ReportConfig(double[] projectionSigma, List<String> projectionModels, int imageBins, int width,
    int height) {

  public ReportConfig {
    projectionSigma = projectionSigma.clone();
    projectionModels = List.copyOf(projectionModels);
  }

  /** Reads the section; an empty {@code report.projection_sigma} picks one in-range and one extrapolation sigma. */
  public static ReportConfig from(Config c, SigmaCatalogue sigma) {
    double[] chosen = ConfigReads.numbers(c, "report.projection_sigma");
    for (int i = 0; i < chosen.length; i++) {
      boolean onTestGrid = false;
      for (double t : sigma.test().values()) {
        onTestGrid |= Math.abs(t - chosen[i]) <= 1e-9 * Math.abs(t);
      }
      if (!onTestGrid) {
        throw new InvalidConfigException("report.projection_sigma[" + i + "]", chosen[i],
            "a value of the test grid " + sigma.test());
      }
    }
    return new ReportConfig(chosen.length > 0 ? chosen : defaultSigmas(sigma),
        ConfigReads.strings(c, "report.projection_models"), ConfigReads.positiveInt(c, "report.image_bins"),
        ConfigReads.positiveInt(c, "report.width"), ConfigReads.positiveInt(c, "report.height"));
  }

  /** The test sigma nearest the middle of the training range, and the test sigma farthest outside it. */
  static double[] defaultSigmas(SigmaCatalogue sigma) {
    double[] test = sigma.test().values();
    double mid = 0.5 * (sigma.train().min() + sigma.train().max());
    double inside = Double.NaN;
    double outside = Double.NaN;
    double outsideDistance = -1;
    for (double t : test) {
      if (sigma.inTrainingRange(t)) {
        if (Double.isNaN(inside) || Math.abs(t - mid) < Math.abs(inside - mid)) {
          inside = t;
        }
      } else {
        double d = Math.max(sigma.train().min() / t, t / sigma.train().max()); // ratio: works for D = 2^-k too
        if (d > outsideDistance) {
          outsideDistance = d;
          outside = t;
        }
      }
    }
    if (Double.isNaN(inside)) {
      inside = test[test.length / 2];
    }
    return Double.isNaN(outside) ? new double[] {inside} : new double[] {inside, outside};
  }

  @Override
  public double[] projectionSigma() {
    return projectionSigma.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportConfig r && java.util.Arrays.equals(r.projectionSigma, projectionSigma)
        && r.projectionModels.equals(projectionModels) && r.imageBins == imageBins && r.width == width
        && r.height == height;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(projectionSigma) * 31 + projectionModels.hashCode();
  }
}
