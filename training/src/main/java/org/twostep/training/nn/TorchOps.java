package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The few PyTorch-engine calls the hot loop makes directly. The network is bound by per-op overhead, not arithmetic
 * (batch 1500, width 64), and DJL's generic paths add JNI round trips around these ops: shape checks before
 * {@code where} and {@code concat}, and four native calls for an EMA update that PyTorch's fused SGD kernel does in one.
 */
public final class TorchOps {
  private TorchOps() {}

  /** {@code where(condition, x, y)} with broadcasting; the result lives on x's manager. */
  public static NDArray where(NDArray condition, NDArray x, NDArray y) {
    return JniUtils.where((PtNDArray) condition, (PtNDArray) x, (PtNDArray) y);
  }

  /** Concatenation of two arrays along axis 1; the result lives on a's manager. */
  public static NDArray concatColumns(NDArray a, NDArray b) {
    return JniUtils.cat(new PtNDArray[] {(PtNDArray) a, (PtNDArray) b}, 1);
  }

  /**
   * {@code average += rate·(weight - average)} in place, in one native call: PyTorch's SGD kernel computes
   * {@code w -= lr·(g + wd·w)}; with w = average, g = weight, wd = -1 and lr = -rate that is exactly the EMA step.
   * Runs without autograd.
   */
  public static void emaUpdate(NDArray average, NDArray weight, double rate) {
    JniUtils.sgdUpdate((PtNDArray) average, (PtNDArray) weight, null, (float) -rate, -1f, 1f, -1f, 0f);
  }
}
