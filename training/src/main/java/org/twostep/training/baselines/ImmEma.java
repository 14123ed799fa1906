package org.twostep.training.baselines;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/** Moving average of the weights for sampling, warmed up as {@code min(decay, (1 + k)/(10 + k))} after update k. */
final class ImmEma {
  private final List<NDArray> params;
  private final List<NDArray> averages = new ArrayList<>();
  private final double decay;

  ImmEma(List<NDArray> params, List<NDArray> averages, double decay) {
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

  void update(int k) {
    float rate = (float) (1 - Math.min(decay, (1.0 + k) / (10.0 + k)));
    for (int i = 0; i < params.size(); i++) {
      NDArray avg = averages.get(i);
      try (NDArray diff = params.get(i).stopGradient().sub(avg)) {
        avg.addi(diff.muli(rate));
      }
    }
  }

  List<NDArray> averages() {
    return averages;
  }
}
