package org.twostep.training.meanflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.nn.Dual;
import org.twostep.training.nn.Tensors;

/**
 * One MeanFlow training step (SPEC §2): the dual pass gives u and du/dt along (dz, dr, dt) = (v, 0, 1);
 * {@code u_tgt = v - (t - r)·du/dt} (stop-gradient); {@code L = |u - u_tgt|^2}; loss
 * {@code mean(L / stopgrad((L + c)^p))}; backward; Adam; EMA. Every temporary lives on a per-step sub-manager inside
 * an {@link NDScope}, and the loss is read before they close.
 */
final class MeanFlowStep {
  private final TrainState state;
  private final BatchBuilder batches;
  private final NDArray timeTangent;
  private final NDArray adaptiveC;
  private final double adaptiveP;

  MeanFlowStep(TrainState state, BatchBuilder batches, MeanFlowConfig c) {
    this.state = state;
    this.batches = batches;
    NDManager m = state.manager();
    // dtau = (dt, d(t - r)) = (1, 1) for every row; one row broadcasts over the batch
    this.timeTangent = m.ones(new Shape(1, 2));
    this.adaptiveC = Tensors.scalar(m, c.adaptiveC(), ai.djl.ndarray.types.DataType.FLOAT32);
    this.adaptiveP = c.adaptiveP();
  }

  /** A network's dual pass: u and its JVP along (dzs, dtau). */
  interface DualPass {
    Dual forwardTangent(NDArray zs, NDArray dzs, NDArray tau, NDArray dtau);
  }

  /**
   * u at the batch and, in place of the tangent, the stop-gradient target {@code u_tgt = v - (t - r)·du/dt} with
   * du/dt the JVP along (dz, dr, dt) = (v, 0, 1), i.e. dzs = [v, 0] and dtau = (dt, d(t - r)) = {@code timeTangent}.
   * The JVP runs on the rows with r < t only: on the r = t rows the target is v itself (t - r = 0), exactly the
   * value {@code v - 0·du/dt} had (for finite du/dt), at half the tangent work.
   */
  static Dual target(DualPass net, BatchBuilder.Batch b, NDArray timeTangent) {
    Dual u = net.forwardTangent(b.zs(), b.movingRows(b.dzs()), b.tau(), timeTangent);
    NDArray moving = b.movingRows(b.v()).sub(u.tangent().muli(b.movingRows(b.delta())));
    NDArray target = b.equalRows() == 0 ? moving : b.v().get(new NDIndex(":" + b.equalRows())).concat(moving, 0);
    return new Dual(u.primal(), target);
  }

  /** Runs step {@code step} at learning rate {@code lr}; returns the (weighted) loss. */
  float run(int step, double lr, PhaseClock clock) {
    clock.start();
    try (NDManager sub = state.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      BatchBuilder.Batch b = batches.build(sub, step);
      clock.lap(PhaseClock.BATCH);
      NDArray loss;
      try (GradientCollector gc = Engine.getEngine(sub.getEngine().getEngineName()).newGradientCollector()) {
        Dual u = target(state.net()::forwardTangent, b, timeTangent);
        clock.lap(PhaseClock.DUAL);
        NDArray err = u.primal().sub(u.tangent());
        NDArray perSample = err.square().sum(new int[] {1});
        NDArray weight = perSample.stopGradient().add(adaptiveC);
        if (adaptiveP != 1.0) {
          weight = weight.pow(adaptiveP);
        }
        loss = perSample.div(weight).mean();
        gc.backward(loss);
      }
      clock.lap(PhaseClock.BACKWARD);
      state.adam().update(lr);
      state.ema().update(state.updates());
      float value = loss.getFloat();
      clock.lap(PhaseClock.OPTIMIZER);
      return value;
    }
  }
}
