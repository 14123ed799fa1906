package org.twostep.training.meanflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.nn.Adam;
import org.twostep.training.nn.Initializer;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;

/**
 * The tangent pass after an optimizer step uses the updated weights. Dense keeps a detached view of W for the tangent
 * that shares W's storage, which is right only while the fused Adam update writes the parameter arrays in place: the
 * tangent of the trained network must equal that of a network built afresh over copies of the updated weights.
 */
class TangentAfterUpdateTest {

  private static NDArray random(NDManager m, SplittableRandom r, long rows, long cols) {
    float[] v = new float[(int) (rows * cols)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return m.create(v, new Shape(rows, cols));
  }

  @Test
  void theTangentPassSeesTheWeightsAfterAnOptimizerStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      NetSpec spec = NetSpec.of(ModelConfig.defaults(SigmaTransform.LOG), 2, 5);
      List<NDArray> params = Initializer.initial(spec, m, DataType.FLOAT32, 3, 1.0);
      params.forEach(p -> p.setRequiresGradient(true));
      MeanFlowNet net = MeanFlowNet.of(spec, m, DataType.FLOAT32, params);
      SplittableRandom r = new SplittableRandom(8);
      NDArray zs = random(m, r, 6, 7);
      NDArray dzs = random(m, r, 6, 7);
      NDArray tau = m.create(new float[] {0.9f, 0.4f}, new Shape(1, 2)).repeat(0, 6);
      NDArray dtau = m.ones(new Shape(6, 2));
      float[] before = net.forwardTangent(zs, dzs, tau, dtau).tangent().toFloatArray();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(net.forward(zs, tau).square().sum());
      }
      new Adam(params, null, null, 0, 0.9, 0.95, 1e-8).update(0.05);
      float[] after = net.forwardTangent(zs, dzs, tau, dtau).tangent().toFloatArray();
      List<NDArray> copies = new ArrayList<>();
      for (NDArray p : params) {
        copies.add(p.stopGradient().duplicate());
      }
      float[] fresh = MeanFlowNet.of(spec, m, DataType.FLOAT32, copies).forwardTangent(zs, dzs, tau, dtau).tangent()
          .toFloatArray();
      assertFalse(java.util.Arrays.equals(before, after), "the step changed the tangent");
      assertArrayEquals(fresh, after, 0f);
    }
  }
}
