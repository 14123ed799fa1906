package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;

/**
 * On the torus [0, 2pi)^2 the corrector never moves mass across the boundary the long way round: the prior sits at
 * x = 0.3 and the target at x = 2pi - 0.3, so the short route is a displacement of -0.6 through 0, the long one
 * +5.68. After training, every raw displacement R(y) - y is shorter than half a period, the mean displacement along x
 * is -0.6, and the wrapped outputs lie in [0, 2pi) near the target.
 */
class MinimalImageTest {
  static final double L = 2 * Math.PI;

  @Test
  void massCrossesTheBoundaryTheShortWay() throws Exception {
    TreeMap<Double, float[]> groups = new TreeMap<>();
    SplittableRandom rng = new SplittableRandom(4);
    int n = 3000;
    float[] rows = new float[2 * n];
    for (int i = 0; i < n; i++) {
      double x = L - 0.3 + 0.1 * rng.nextGaussian();
      rows[2 * i] = (float) (x - L * Math.floor(x / L));
      rows[2 * i + 1] = (float) (0.3 + 0.1 * rng.nextGaussian());
    }
    groups.put(0.25, rows);
    Path dir = Files.createTempDirectory("dp-torus");
    DpConfig config = TestConfigs.dp(600, 300, 10).withCadence(200, 0, 1000);
    new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.NEGLOG2), Fixtures.CPU, 5, L)
        .train(new NoiseGenerator(2, 0.3, 0.1, L), new InMemoryTrainingData(2, groups), dir, "torus");
    try (CorrectorModel model = CorrectorModel.load(dir, Device.cpu())) {
      Corrector c = model.corrector();
      float[] y = c.coordinates().toModel(new NoiseGenerator(2, 0.3, 0.1, L).generate(0.25, 1000, 77));
      float[] r = c.apply(model.manager(), y, 1000, 0.25, Frame.identity(2));
      double meanMove = 0;
      for (int i = 0; i < 1000; i++) {
        double dx = r[2 * i] - y[2 * i];
        double dy = r[2 * i + 1] - y[2 * i + 1];
        assertTrue(Math.abs(dx) < Math.PI && Math.abs(dy) < Math.PI, "displacement " + dx + ", " + dy);
        meanMove += dx;
      }
      assertEquals(-0.6, meanMove / 1000, 0.1);
      float[][] out = c.coordinates().toPhysical(r, 1000);
      for (int i = 0; i < 1000; i++) {
        assertTrue(out[0][i] >= 0 && out[0][i] < L, "wrapped output " + out[0][i]);
        assertTrue(Math.abs(c.coordinates().displacement(out[0][i], L - 0.3)) < 0.6, "output " + out[0][i]);
      }
    }
  }
}
