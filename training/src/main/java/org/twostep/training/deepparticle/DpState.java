package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.twostep.training.nn.Adam;
import org.twostep.training.nn.Checkpoint;

/**
 * What a corrector run carries between rounds, on one manager: weights, Adam moments, and the weights of the best
 * validation so far (what the finished model keeps). A snapshot (weights, means, variances, best) is a checkpoint.
 */
final class DpState implements AutoCloseable {
  private final NDManager manager;
  private final CorrectorSpec spec;
  private final List<NDArray> params;
  private final List<NDArray> best;
  private final CorrectorNet net;
  private final Adam adam;

  private DpState(NDManager manager, CorrectorSpec spec, List<NDArray> params, List<NDArray> means,
      List<NDArray> variances, List<NDArray> best, int updates, DpConfig c) {
    this.manager = manager;
    this.spec = spec;
    this.params = params;
    params.forEach(p -> p.setRequiresGradient(true));
    this.net = new CorrectorNet(spec, params);
    this.adam = new Adam(params, means, variances, updates, c.adamBeta1(), c.adamBeta2(), c.adamEps());
    if (best != null) {
      this.best = best;
    } else {
      this.best = new ArrayList<>();
      for (NDArray p : params) {
        try (NDArray detached = p.stopGradient()) {
          this.best.add(detached.duplicate());
        }
      }
    }
  }

  static DpState fresh(NDManager parent, CorrectorSpec spec, DpConfig c, long seed) {
    NDManager m = parent.newSubManager();
    return new DpState(m, spec, CorrectorInit.initial(spec, m, seed), null, null, null, 0, c);
  }

  static DpState restore(NDManager parent, CorrectorSpec spec, DpConfig c, NDList snapshot, int updates) {
    Checkpoint s = Checkpoint.restore(parent, spec.parameterShapes(), snapshot, "corrector");
    return new DpState(s.manager(), spec, s.params(), s.means(), s.variances(), s.kept(), updates, c);
  }

  NDManager manager() {
    return manager;
  }

  CorrectorSpec spec() {
    return spec;
  }

  CorrectorNet net() {
    return net;
  }

  Adam adam() {
    return adam;
  }

  int updates() {
    return adam.updates();
  }

  /** Copies the current weights into the best-so-far weights. */
  void keepAsBest() {
    for (int i = 0; i < params.size(); i++) {
      try (NDArray detached = params.get(i).stopGradient()) {
        best.get(i).set(detached.toByteBuffer());
      }
    }
  }

  /** The best-so-far weights (the arrays themselves). */
  List<NDArray> best() {
    return best;
  }

  NDList snapshot() {
    return Checkpoint.snapshot(params, adam, best);
  }

  @Override
  public void close() {
    manager.close();
  }
}
