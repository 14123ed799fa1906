package org.twostep.training.deepparticle;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;

class ScratchDebugTest {
  void run(String name, DpConfig config) throws Exception {
    Path dir = Files.createTempDirectory("dbg");
    DeepParticleTrainer trainer = new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.IDENTITY),
        Fixtures.CPU, 17, null);
    DpResult r = trainer.train(new NoiseGenerator(2, 0, 1, null), AffineGaussianTest.data(5000, 3), dir, "affine");
    StringBuilder sb = new StringBuilder(name + " sps=" + r.times().stepsPerSecond() + " val=" + r.corrector().validations());
    for (double s : AffineGaussianTest.SIGMAS) {
      try (CorrectedGenerator g = new CorrectedGenerator(new NoiseGenerator(2, 0, 1, null), CorrectorModel.load(dir, Device.cpu()))) {
        float[][] out = g.generate(s, 4000, 5);
        float[][] in = new NoiseGenerator(2, 0, 1, null).generate(s, 4000, 5);
        double sq = 0;
        for (int i = 0; i < 4000; i++) for (int k = 0; k < 2; k++) {
          double e = out[k][i] - (AffineGaussianTest.mean(s)[k] + AffineGaussianTest.std(s)[k] * in[k][i]);
          sq += e * e;
        }
        sb.append(" rms@" + s + "=" + Math.sqrt(sq / 4000));
      }
    }
    System.out.println(sb);
  }

  @Test
  void debug() throws Exception {
    run("beta.01", TestConfigs.dp(2000, 600, 20).withCadence(500, 0, 1000).withMethod(CouplingKind.EXACT, 0.01, 0.01, FrameKind.NONE, false));
    run("beta.02", TestConfigs.dp(2000, 600, 20).withCadence(500, 0, 1000).withMethod(CouplingKind.EXACT, 0.01, 0.02, FrameKind.NONE, false));
  }
}
