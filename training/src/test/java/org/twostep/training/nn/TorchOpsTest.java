package org.twostep.training.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The fused EMA step equals {@code avg + rate·(w - avg)} and leaves the weight alone. */
class TorchOpsTest {
  @Test
  void emaUpdateIsTheConvexStepTowardsTheWeight() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray avg = m.create(new float[] {1f, 2f, -4f});
      NDArray w = m.create(new float[] {3f, 6f, 4f});
      w.setRequiresGradient(true);
      TorchOps.emaUpdate(avg, w, 0.25);
      assertArrayEquals(new float[] {1.5f, 3f, -2f}, avg.toFloatArray(), 1e-7f);
      assertArrayEquals(new float[] {3f, 6f, 4f}, w.toFloatArray());
    }
  }

  @Test
  void whereBroadcastsAScalarBranch() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {-1f, 2f, 0f});
      NDArray r = TorchOps.where(x.lte(m.create(0f)), x.mul(10f), m.create(7f));
      assertArrayEquals(new float[] {-10f, 7f, 0f}, r.toFloatArray());
    }
  }
}
