package org.twostep.training.deepparticle;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;

/**
 * One Adam step of SPEC §3 with the batch and coupling fixed: {@code L = mean_i |R(y_i) - b_i|^2 + beta·mean_i
 * |R(y_i) - y_i|^2}, the difference taken as the minimal image on a torus. Temporaries live on a per-step
 * sub-manager inside an {@link NDScope}; the loss is read before they close.
 */
final class DpSteps {
  private final DpState state;
  private final Corrector corrector;
  private final double beta;
  private final boolean periodic;

  DpSteps(DpState state, Corrector corrector, double beta) {
    this.state = state;
    this.corrector = corrector;
    this.beta = beta;
    this.periodic = corrector.coordinates().periodic();
  }

  /** The coupled loss (without the coupling's constant offset) at the current weights, then one update at lr. */
  float run(Corrector.Inputs in, NDArray targets, double lr) {
    try (NDManager sub = state.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray loss;
      try (GradientCollector gc = Engine.getEngine(sub.getEngine().getEngineName()).newGradientCollector()) {
        loss = loss(in, targets);
        gc.backward(loss);
      }
      state.adam().update(lr);
      return loss.getFloat();
    }
  }

  /** The loss alone (recorded by autograd when a collector is open). */
  NDArray loss(Corrector.Inputs in, NDArray targets) {
    NDArray move = corrector.displacement(in);
    NDArray diff = move.add(in.y()).sub(targets);
    if (periodic) {
      // minimal image: subtract whole periods (a piecewise-constant shift, so no gradient flows through it)
      NDArray wraps = diff.stopGradient().div((float) Coordinates.PERIOD).round().mul((float) Coordinates.PERIOD);
      diff = diff.sub(wraps);
    }
    NDArray loss = diff.square().sum(new int[] {1}).mean();
    if (beta > 0) {
      loss = loss.add(move.square().sum(new int[] {1}).mean().mul((float) beta));
    }
    return loss;
  }
}
