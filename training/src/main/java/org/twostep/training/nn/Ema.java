package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential moving average of the weights, used for sampling (SPEC §2). The decay warms up as
 * {@code min(decay, (1 + k) / (10 + k))} so a short run is not dominated by the initial weights. MeanFlow and IMM
 * share it.
 */
public final class Ema {
  private final List<NDArray> params;
  private final List<NDArray> averages = new ArrayList<>();
  private final double decay;

  /** Averages start as copies of the weights, or at the given state (resume). */
  public Ema(List<NDArray> params, List<NDArray> averages, double decay) {
    this.params = params;
    for (int i = 0; i < params.size(); i++) {
      if (averages != null) {
        this.averages.add(averages.get(i));
      } else {
        try (NDArray detached = params.get(i).stopGradient()) {
          this.averages.add(detached.duplicate());
        }
      }
    }
    this.decay = decay;
  }

  /** avg += (1 - decay_k)·(w - avg), after update number {@code k}. */
  public void update(int k) {
    double d = Math.min(decay, (1.0 + k) / (10.0 + k));
    for (int i = 0; i < params.size(); i++) {
      TorchOps.emaUpdate(averages.get(i), params.get(i), 1 - d);
    }
  }

  public List<NDArray> averages() {
    return averages;
  }
}
