package org.twostep.training.baselines;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.twostep.training.meanflow.TrainState;

/**
 * One IMM step (SPEC §4): the frozen small step {@code f(x_r, s, r)} (computed before the gradient collector opens,
 * so no gradient flows through it), the big step {@code f(x_t, s, t)}, the per-group Laplace MMD^2 between them,
 * its mean as the loss; backward through the big step only; Adam; EMA.
 */
final class ImmStep {
  private final TrainState state;
  private final ImmBatch batches;
  private final int dim;

  ImmStep(TrainState state, ImmBatch batches, int dim) {
    this.state = state;
    this.batches = batches;
    this.dim = dim;
  }

  float run(int step, double lr) {
    try (NDManager sub = state.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ImmBatch.Arrays b = batches.build(sub, step);
      NDArray small = FlowMap.apply(state.net(), b.zr(), b.tauR(), b.stepR(), dim).stopGradient();
      NDArray loss;
      try (GradientCollector gc = Engine.getEngine(sub.getEngine().getEngineName()).newGradientCollector()) {
        NDArray big = FlowMap.apply(state.net(), b.zt(), b.tauT(), b.stepT(), dim);
        loss = Mmd.squared(FlowMap.grouped(big, b.groups(), b.size()), FlowMap.grouped(small, b.groups(), b.size()),
            b.width()).mean();
        gc.backward(loss);
      }
      state.adam().update(lr);
      state.ema().update(state.adam().updates());
      return loss.getFloat();
    }
  }
}
