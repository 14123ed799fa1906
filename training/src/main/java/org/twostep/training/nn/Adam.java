package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam through DJL's fused PyTorch update, one native call per array, which updates the weights in place (the tangent
 * pass's detached views rely on it) and zeroes the gradient: {@code w -= lr·sqrt(1-b2^k)/(1-b1^k)·m/(sqrt(v)+eps)}.
 * The one optimizer of the MeanFlow, corrector and IMM trainers.
 */
public final class Adam {
  private final List<NDArray> params;
  private final List<NDArray> means = new ArrayList<>();
  private final List<NDArray> variances = new ArrayList<>();
  private final float beta1;
  private final float beta2;
  private final float eps;
  private int updates;

  /** Moments start at zero, or at the given state (resume); they live on the parameters' manager. */
  public Adam(List<NDArray> params, List<NDArray> means, List<NDArray> variances, int updates, double beta1,
      double beta2, double eps) {
    this.params = params;
    for (int i = 0; i < params.size(); i++) {
      this.means.add(means == null ? params.get(i).zerosLike() : means.get(i));
      this.variances.add(variances == null ? params.get(i).zerosLike() : variances.get(i));
    }
    this.updates = updates;
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.eps = (float) eps;
  }

  public void update(double lr) {
    updates++;
    double corrected = lr * Math.sqrt(1 - Math.pow(beta2, updates)) / (1 - Math.pow(beta1, updates));
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i);
      try (NDArray g = w.getGradient()) {
        w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), variances.get(i)), new NDList(w),
            (float) lr, (float) corrected, 0f, 1f, -1f, beta1, beta2, eps, false, false);
      }
    }
  }

  public int updates() {
    return updates;
  }

  public List<NDArray> means() {
    return means;
  }

  public List<NDArray> variances() {
    return variances;
  }
}
