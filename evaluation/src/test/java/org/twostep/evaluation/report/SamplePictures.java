package org.twostep.evaluation.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.twostep.common.data.ParticleCloud;

/** Writes one of each picture into {@code -Dtwostep.samples=DIR}, for a person to look at (off by default). */
@EnabledIfSystemProperty(named = "twostep.samples", matches = ".+")
class SamplePictures {
  @Test
  void write() {
    Path dir = Path.of(System.getProperty("twostep.samples"));
    SplittableRandom r = new SplittableRandom(1);
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    for (String m : List.of("reference", "meanflow", "meanflow_dp")) {
      double[] c = new double[3 * 4000];
      for (int i = 0; i < c.length; i++) {
        c[i] = (i % 3 == 0 ? 1.5 : 0.6) * r.nextGaussian() + (m.equals("meanflow") ? 0.3 : 0);
      }
      clouds.put(m, ParticleCloud.ofRowMajor(3, c));
    }
    PlotBox box = PlotBox.around(clouds.get("reference"), 0.05);
    Png.write(ProjectionImage.render(clouds, box, 48, 200, 900, 900), dir.resolve("projections.png"));
    Png.write(ChartGrid.row(MarginalChart.build(clouds, box, 48, 200, 450, 400)), dir.resolve("marginals.png"));
    List<W2Chart.Point> pts = new ArrayList<>();
    double[] sigma = {20, 40, 60, 80, 100, 120, 140, 160, 180, 200};
    for (double s : sigma) {
      pts.add(new W2Chart.Point("meanflow", s, 0.01 * (1 + s / 100), 0.002));
      pts.add(new W2Chart.Point("meanflow_dp", s, 0.007 * (1 + s / 100), 0.001));
      pts.add(new W2Chart.Point("imm", s, 0.012 * (1 + s / 50), 0.001));
      pts.add(new W2Chart.Point("noise_floor", s, 0.0045 * (1 + s / 200), 0.0002));
    }
    Png.write(W2Chart.build("ks-laminar-3d: mean W2² over 3 seed(s)", "histogram_w2", pts, 20, 160, false, 900, 600),
        dir.resolve("w2.png"));
    int[] steps = new int[4000];
    double[] loss = new double[4000];
    for (int k = 0; k < steps.length; k++) {
      steps[k] = k;
      loss[k] = 1 + 3 * Math.exp(-k / 500.0) + 0.3 * r.nextGaussian();
    }
    Png.write(ChartGrid.row(TrainingCurveChart.build("ks", List.of(
        new TrainingCurveChart.Curve("meanflow", steps, loss, new int[0], new double[0]),
        new TrainingCurveChart.Curve("meanflow_dp", steps, loss, new int[] {0, 1000, 2000, 3000, 4000},
            new double[] {0.03, 0.02, 0.015, 0.016, 0.014})), 450, 400)), dir.resolve("curves.png"));
  }
}
