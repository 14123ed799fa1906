package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.twostep.training.config.DeviceChoice;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.meanflow.Devices;
import org.twostep.training.meanflow.SigmaFeatures;

/** Shared small builders for the corrector tests. */
final class Fixtures {
  static final TrainingConfig CPU = new TrainingConfig(DeviceChoice.CPU, 1, 1);

  private Fixtures() {}

  static NDManager manager() {
    Devices.configure(CPU);
    return NDManager.newBaseManager(ai.djl.Device.cpu());
  }

  static SigmaFeatures features(double... sigmas) {
    return SigmaFeatures.over(sigmas, SigmaFeatureKind.LINEAR, SigmaTransform.IDENTITY, new double[0]);
  }

  /** A fresh corrector (zero head) on {@code m}. */
  static Corrector fresh(NDManager m, Coordinates coords, SigmaFeatures f, int blocks, long seed) {
    CorrectorSpec spec = new CorrectorSpec(coords.encodedWidth() + f.count(), coords.dim(), 64, blocks);
    return new Corrector(new CorrectorNet(spec, CorrectorInit.initial(spec, m, seed)), coords, f);
  }

  static float[] gaussian(int n, int d, double scale, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (scale * rng.nextGaussian());
    }
    return x;
  }

  static float[] uniform(int n, int d, double lo, double hi, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
    return x;
  }
}
