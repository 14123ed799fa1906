package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twostep.common.rng.Seeds;

/**
 * Initial parameters, drawn in Java from {@link Seeds} so a run is reproducible on any device: LeCun normal weights
 * (variance 1/fan-in, the initialisation SELU's self-normalisation assumes), zero biases, and the head scaled by a
 * small gain so the initial u is close to 0 (SPEC §2).
 */
public final class Initializer {
  private Initializer() {}

  public static List<NDArray> initial(NetSpec spec, NDManager manager, DataType dtype, long seed, double headGain) {
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("meanflow-init"));
    List<long[]> shapes = spec.parameterShapes();
    List<NDArray> params = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      long[] s = shapes.get(i);
      double[] v = new double[(int) new Shape(s).size()];
      if (s.length == 2) {
        double gain = i == shapes.size() - 2 ? headGain : 1.0;
        double std = gain / Math.sqrt(s[1]);
        for (int k = 0; k < v.length; k++) {
          v[k] = std * rng.nextGaussian();
        }
      }
      params.add(Tensors.create(manager, v, new Shape(s), dtype));
    }
    return params;
  }
}
