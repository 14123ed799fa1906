package org.twostep.training.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.twostep.training.nn.Adam;
import org.twostep.training.nn.Checkpoint;
import org.twostep.training.nn.Ema;
import org.twostep.training.nn.Initializer;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;

/** An IMM run's weights, Adam moments and EMA weights on one manager; a snapshot of all four is a checkpoint. */
final class ImmState implements AutoCloseable {
  private final NDManager manager;
  private final List<NDArray> params;
  private final MeanFlowNet net;
  private final Adam adam;
  private final Ema ema;

  private ImmState(NDManager manager, NetSpec spec, List<NDArray> params, List<NDArray> means,
      List<NDArray> variances, List<NDArray> averages, int updates, ImmConfig c) {
    this.manager = manager;
    this.params = params;
    params.forEach(p -> p.setRequiresGradient(true));
    this.net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
    this.adam = new Adam(params, means, variances, updates, c.adamBeta1(), c.adamBeta2(), c.adamEps());
    this.ema = new Ema(params, averages, c.emaDecay());
  }

  static ImmState fresh(NDManager parent, NetSpec spec, ImmConfig c, double headGain, long seed) {
    NDManager m = parent.newSubManager();
    return new ImmState(m, spec, Initializer.initial(spec, m, DataType.FLOAT32, seed, headGain), null, null, null, 0,
        c);
  }

  static ImmState restore(NDManager parent, NetSpec spec, ImmConfig c, NDList snapshot, int updates) {
    Checkpoint s = Checkpoint.restore(parent, spec.parameterShapes(), snapshot, "IMM");
    return new ImmState(s.manager(), spec, s.params(), s.means(), s.variances(), s.kept(), updates, c);
  }

  NDManager manager() {
    return manager;
  }

  MeanFlowNet net() {
    return net;
  }

  Adam adam() {
    return adam;
  }

  Ema ema() {
    return ema;
  }

  NDList snapshot() {
    return Checkpoint.snapshot(params, adam, ema.averages());
  }

  @Override
  public void close() {
    manager.close();
  }
}
