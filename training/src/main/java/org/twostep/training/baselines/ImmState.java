package org.twostep.training.baselines;

import org.twostep.training.meanflow.Ema;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.deepparticle.DpAdam;
import org.twostep.training.nn.Initializer;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;

/** An IMM run's weights, Adam moments and EMA weights on one manager; a snapshot of all four is a checkpoint. */
final class ImmState implements AutoCloseable {
  private final NDManager manager;
  private final List<NDArray> params;
  private final MeanFlowNet net;
  private final DpAdam adam;
  private final Ema ema;

  private ImmState(NDManager manager, NetSpec spec, List<NDArray> params, List<NDArray> means,
      List<NDArray> variances, List<NDArray> averages, int updates, ImmConfig c) {
    this.manager = manager;
    this.params = params;
    params.forEach(p -> p.setRequiresGradient(true));
    this.net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
    this.adam = new DpAdam(params, means, variances, updates, c.adamBeta1(), c.adamBeta2(), c.adamEps());
    this.ema = new Ema(params, averages, c.emaDecay());
  }

  static ImmState fresh(NDManager parent, NetSpec spec, ImmConfig c, double headGain, long seed) {
    NDManager m = parent.newSubManager();
    return new ImmState(m, spec, Initializer.initial(spec, m, DataType.FLOAT32, seed, headGain), null, null, null, 0,
        c);
  }

  static ImmState restore(NDManager parent, NetSpec spec, ImmConfig c, NDList snapshot, int updates) {
    int k = spec.parameterShapes().size();
    if (snapshot.size() != 4 * k) {
      throw new InvalidInputException("IMM checkpoint holds " + snapshot.size() + " arrays, expected " + 4 * k);
    }
    NDManager m = parent.newSubManager();
    snapshot.attach(m);
    List<NDArray> all = new ArrayList<>(snapshot);
    for (int i = 0; i < 4 * k; i++) {
      if (!Arrays.equals(spec.parameterShapes().get(i % k), all.get(i).getShape().getShape())) {
        m.close();
        throw new InvalidInputException("IMM checkpoint array " + i + " has shape " + all.get(i).getShape());
      }
    }
    return new ImmState(m, spec, new ArrayList<>(all.subList(0, k)), all.subList(k, 2 * k), all.subList(2 * k, 3 * k),
        all.subList(3 * k, 4 * k), updates, c);
  }

  NDManager manager() {
    return manager;
  }

  MeanFlowNet net() {
    return net;
  }

  DpAdam adam() {
    return adam;
  }

  Ema ema() {
    return ema;
  }

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
