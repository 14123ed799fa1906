package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twostep.common.rng.Seeds;
import org.twostep.training.nn.Tensors;

/**
 * Initial corrector weights from {@link Seeds}: hidden weights normal with variance 1/fan-in, zero biases, LayerNorm
 * gain 1 and shift 0, and the head exactly zero so R is the identity before training [paper].
 */
final class CorrectorInit {
  private CorrectorInit() {}

  static List<NDArray> initial(CorrectorSpec spec, NDManager manager, long seed) {
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("dp-init"));
    List<long[]> shapes = spec.parameterShapes();
    int head = spec.headIndex();
    List<NDArray> params = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      long[] s = shapes.get(i);
      double[] v = new double[(int) new Shape(s).size()];
      boolean layerNormGain = i >= 2 && i < head && (i - 2) % CorrectorSpec.PER_BLOCK == 0;
      if (layerNormGain) {
        java.util.Arrays.fill(v, 1.0);
      } else if (s.length == 2 && i != head) {
        double std = 1.0 / Math.sqrt(s[1]);
        for (int k = 0; k < v.length; k++) {
          v[k] = std * rng.nextGaussian();
        }
      }
      params.add(Tensors.create(manager, v, new Shape(s), DataType.FLOAT32));
    }
    return params;
  }
}
