package org.twostep.training.deepparticle;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ScratchDebugTest {
  @Test
  void debug() {
    AffineGaussianTest.train();
    for (double s : AffineGaussianTest.SIGMAS) {
      try (CorrectedGenerator g = new CorrectedGenerator(new NoiseGenerator(2, 0, 1, null),
          CorrectorModel.load(AffineGaussianTest.dir, Device.cpu()))) {
        float[][] out = g.generate(s, 4000, 5);
        float[][] in = new NoiseGenerator(2, 0, 1, null).generate(s, 4000, 5);
        for (int k = 0; k < 2; k++) {
          double m = 0, q = 0, cov = 0;
          for (int i = 0; i < 4000; i++) { m += out[k][i]; q += out[k][i] * out[k][i]; cov += out[k][i] * in[k][i]; }
          m /= 4000; q = Math.sqrt(q / 4000 - m * m); cov = cov / 4000;
          System.out.println("sigma " + s + " axis " + k + " mean " + m + " std " + q + " cov-with-input " + cov
              + " target " + AffineGaussianTest.mean(s)[k] + " " + AffineGaussianTest.std(s)[k]);
        }
        for (int i = 0; i < 5; i++) System.out.println(in[0][i] + "," + in[1][i] + " -> " + out[0][i] + "," + out[1][i]);
      }
    }
  }
}
