package org.twostep.training.meanflow;

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
import org.twostep.training.nn.OptimizerSettings;


/**
 * Everything a run of a MeanFlow-family network (MeanFlow, IMM) carries between steps: trainable weights, Adam
 * moments, EMA weights and the step count, all on one manager. A snapshot is one list (weights, means, variances,
 * averages), which is what a checkpoint holds.
 */
public final class TrainState implements AutoCloseable {
  private final NDManager manager;
  private final NetSpec spec;
  private final List<NDArray> params;
  private final MeanFlowNet net;
  private final Adam adam;
  private final Ema ema;

  private TrainState(NDManager manager, NetSpec spec, List<NDArray> params, List<NDArray> means,
      List<NDArray> variances, List<NDArray> averages, int updates, OptimizerSettings c) {
    this.manager = manager;
    this.spec = spec;
    this.params = params;
    params.forEach(p -> p.setRequiresGradient(true));
    this.net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
    this.adam = new Adam(params, means, variances, updates, c.adamBeta1(), c.adamBeta2(), c.adamEps());
    this.ema = new Ema(params, averages, c.emaDecay());
  }

  /** Fresh weights from the seed, on a new sub-manager of {@code parent}. */
  public static TrainState fresh(NDManager parent, NetSpec spec, OptimizerSettings c, double headGain, long seed) {
    NDManager m = parent.newSubManager();
    return new TrainState(m, spec, Initializer.initial(spec, m, DataType.FLOAT32, seed, headGain),
        null, null, null, 0, c);
  }

  /** The state a snapshot recorded after {@code updates} optimizer steps. */
  public static TrainState restore(NDManager parent, NetSpec spec, OptimizerSettings c, NDList snapshot, int updates) {
    Checkpoint s = Checkpoint.restore(parent, spec.parameterShapes(), snapshot, "network");
    return new TrainState(s.manager(), spec, s.params(), s.means(), s.variances(), s.kept(), updates, c);
  }

  public NDManager manager() {
    return manager;
  }

  public NetSpec spec() {
    return spec;
  }

  public MeanFlowNet net() {
    return net;
  }

  public Adam adam() {
    return adam;
  }

  public Ema ema() {
    return ema;
  }

  public int updates() {
    return adam.updates();
  }

  /** Weights, Adam means, Adam variances, EMA weights (the arrays themselves, not copies). */
  public NDList snapshot() {
    return Checkpoint.snapshot(params, adam, ema.averages());
  }

  @Override
  public void close() {
    manager.close();
  }
}
