package org.twostep.training.meanflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.nn.Dual;

/**
 * The MeanFlow target {@code u_tgt = v - (t - r)·du/dt} (SPEC §2) on a network whose JVP is known in closed form:
 * {@code u_k = t·z_k + (t - r)^2}, so along (dz, dr, dt) = (v, 0, 1), {@code du_k/dt = t·v_k + z_k + 2(t - r)}. Built
 * from a real training batch, so the batch's tangent direction, time inputs and t - r are checked along with the formula.
 */
class MeanFlowTargetTest {

  @Test
  void theTargetIsVMinusTMinusRTimesTheAnalyticJvp() {
    MeanFlowConfig c = AnalyticGaussianTest.quickConfig(10).withBatchSize(64);
    InMemoryTrainingData data = GaussianProblem.data(AnalyticGaussianTest.TRAIN, 200, 1);
    ModelConfig model = ModelConfig.defaults(SigmaTransform.IDENTITY);
    SigmaFeatures f = SigmaFeatures.over(data.sigmas(), model.sigmaFeatures(), model.transform(), new double[0]);
    int d = data.dim();
    try (NDManager m = NDManager.newBaseManager()) {
      BatchBuilder.Batch b = new BatchBuilder(data, data.statistics(), f, c, 1).build(m, 3);
      // u = z t + (t - r)^2; the tangent may cover the last rows only (Dual)
      MeanFlowStep.DualPass analytic = (zs, dzs, tau, dtau) -> {
        NDArray z = zs.get(":, 0:" + d);
        NDArray t = tau.get(":, 0:1");
        NDArray gap = tau.get(":, 1:2");
        NDArray u = z.mul(t).add(gap.square());
        Dual rows = new Dual(u, dzs);
        NDArray du = dzs.get(":, 0:" + d).mul(rows.tangentRows(t)).add(rows.tangentRows(z).mul(dtau.get(":, 0:1")))
            .add(rows.tangentRows(gap).mul(dtau.get(":, 1:2")).mul(2));
        return new Dual(u, du);
      };
      assertTrue(b.equalRows() > 0 && b.equalRows() < 64, "the batch mixes r = t and r < t rows");
      Dual out = MeanFlowStep.target(analytic, b, m.ones(new Shape(1, 2)));
      float[] zs = b.zs().toFloatArray();
      float[] tau = b.tau().toFloatArray();
      float[] v = b.v().toFloatArray();
      float[] target = out.tangent().toFloatArray();
      int n = (int) b.zs().getShape().get(0);
      int w = (int) b.zs().getShape().get(1);
      for (int i = 0; i < n; i++) {
        double t = tau[2 * i];
        double gap = tau[2 * i + 1];
        for (int k = 0; k < d; k++) {
          double z = zs[i * w + k];
          double expected = v[i * d + k] - gap * (t * v[i * d + k] + z + 2 * gap);
          assertEquals(expected, target[i * d + k], 1e-5 * (1 + Math.abs(expected)), "row " + i + ", axis " + k);
        }
      }
    }
  }
}
