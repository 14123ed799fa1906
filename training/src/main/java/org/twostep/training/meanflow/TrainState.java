package org.twostep.training.meanflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.nn.Initializer;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;

/**
 * Everything a MeanFlow run carries between steps: trainable weights, Adam moments, EMA weights and the step count,
 * all on one manager. A snapshot is one list (weights, means, variances, averages), which is what a checkpoint holds.
 */
final class TrainState implements AutoCloseable {
  private final NDManager manager;
  private final NetSpec spec;
  private final List<NDArray> params;
  private final MeanFlowNet net;
  private final Adam adam;
  private final Ema ema;

  private TrainState(NDManager manager, NetSpec spec, List<NDArray> params, List<NDArray> means,
      List<NDArray> variances, List<NDArray> averages, int updates, MeanFlowConfig c) {
    this.manager = manager;
    this.spec = spec;
    this.params = params;
    params.forEach(p -> p.setRequiresGradient(true));
    this.net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
    this.adam = new Adam(params, means, variances, updates, c.adamBeta1(), c.adamBeta2(), c.adamEps());
    this.ema = new Ema(params, averages, c.emaDecay());
  }

  /** Fresh weights from the seed, on a new sub-manager of {@code parent}. */
  static TrainState fresh(NDManager parent, NetSpec spec, MeanFlowConfig c, double headGain, long seed) {
    NDManager m = parent.newSubManager();
    return new TrainState(m, spec, Initializer.initial(spec, m, DataType.FLOAT32, seed, headGain),
        null, null, null, 0, c);
  }

  /** The state a snapshot recorded after {@code updates} optimizer steps. */
  static TrainState restore(NDManager parent, NetSpec spec, MeanFlowConfig c, NDList snapshot, int updates) {
    int k = spec.parameterShapes().size();
    if (snapshot.size() != 4 * k) {
      throw new InvalidInputException("checkpoint holds " + snapshot.size() + " arrays, expected " + 4 * k);
    }
    NDManager m = parent.newSubManager();
    snapshot.attach(m);
    List<NDArray> all = new ArrayList<>(snapshot);
    for (int i = 0; i < 4 * k; i++) {
      long[] expected = spec.parameterShapes().get(i % k);
      if (!java.util.Arrays.equals(expected, all.get(i).getShape().getShape())
          || all.get(i).getDataType() != DataType.FLOAT32) {
        m.close();
        throw new InvalidInputException("checkpoint array " + i + " is " + all.get(i).getShape() + " "
            + all.get(i).getDataType() + ", expected " + java.util.Arrays.toString(expected) + " float32");
      }
    }
    return new TrainState(m, spec, new ArrayList<>(all.subList(0, k)), all.subList(k, 2 * k),
        all.subList(2 * k, 3 * k), all.subList(3 * k, 4 * k), updates, c);
  }

  NDManager manager() {
    return manager;
  }

  NetSpec spec() {
    return spec;
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

  int updates() {
    return adam.updates();
  }

  /** Weights, Adam means, Adam variances, EMA weights (the arrays themselves, not copies). */
  NDList snapshot() {
    NDList list = new NDList();
    list.addAll(params);
    list.addAll(adam.means());
    list.addAll(adam.variances());
    list.addAll(ema.averages());
    return list;
  }

  @Override
  public void close() {
    manager.close();
  }
}
