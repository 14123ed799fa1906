package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The average-velocity network {@code u(z, r, t, sigma)} of SPEC §2: input {@code [z, sigma features, emb(t),
 * emb(t - r)]}, a dense layer to the width, residual SELU layers, and a linear head. Inputs come as two arrays:
 * {@code zs = [z, sigma features]} (n x (d + m)) and {@code tau = [t, t - r]} (n x 2).
 */
public final class MeanFlowNet {
  private final NetSpec spec;
  private final TimeEmbedding embedding;
  private final Chain trunk;
  private final Dense first;
  private final Chain afterFirst;

  private MeanFlowNet(NetSpec spec, TimeEmbedding embedding, List<DualLayer> layers) {
    this.spec = spec;
    this.embedding = embedding;
    this.trunk = new Chain(layers);
    this.first = (Dense) layers.get(0);
    this.afterFirst = new Chain(layers.subList(1, layers.size()));
  }

  /** A network over the given parameters, in the order of {@link #parameters()}; the arrays are used, not copied. */
  public static MeanFlowNet of(NetSpec spec, NDManager manager, DataType dtype, List<NDArray> params) {
    List<long[]> shapes = spec.parameterShapes();
    if (params.size() != shapes.size()) {
      throw new IllegalArgumentException("expected " + shapes.size() + " parameter arrays, found " + params.size());
    }
    for (int i = 0; i < shapes.size(); i++) {
      if (!java.util.Arrays.equals(shapes.get(i), params.get(i).getShape().getShape())) {
        throw new IllegalArgumentException("parameter " + i + " has shape " + params.get(i).getShape()
            + ", expected " + java.util.Arrays.toString(shapes.get(i)));
      }
    }
    TimeEmbedding emb = new TimeEmbedding(manager, dtype, spec.frequencies(), 2);
    Selu selu = new Selu(manager, dtype);
    List<DualLayer> layers = new ArrayList<>();
    layers.add(new Dense(params.get(0), params.get(1)));
    layers.add(selu);
    for (int l = 1; l < spec.depth(); l++) {
      layers.add(new Residual(new Chain(List.of(new Dense(params.get(2 * l), params.get(2 * l + 1)), selu))));
    }
    int h = 2 * spec.depth();
    layers.add(new Dense(params.get(h), params.get(h + 1)));
    return new MeanFlowNet(spec, emb, layers);
  }

  public NetSpec spec() {
    return spec;
  }

  /** {@code u} for inputs {@code zs} (n x (d + m)) and {@code tau} (n x 2). */
  public NDArray forward(NDArray zs, NDArray tau) {
    return trunk.forward(TorchOps.concatColumns(zs, embedding.forward(tau)));
  }

  /**
   * {@code u} and its exact directional derivative along {@code (dzs, dtau)}. For the MeanFlow target, dzs = [v, 0]
   * and dtau = [1, 1] (dt = 1, dr = 0, so d(t - r) = 1). {@code dzs} may have fewer rows than {@code zs}: then the
   * tangent is computed for the last rows only ({@link Dual}); {@code dtau} has those rows or one row.
   */
  public Dual forwardTangent(NDArray zs, NDArray dzs, NDArray tau, NDArray dtau) {
    long rows = dzs.getShape().get(0);
    NDArray dt = dtau.getShape().get(0) == rows ? dtau : dtau.broadcast(new Shape(rows, dtau.getShape().get(1)));
    Dual e = embedding.forwardTangent(new Dual(tau, dt));
    NDArray x = TorchOps.concatColumns(zs, e.primal());
    NDArray dx = TorchOps.concatColumns(dzs, e.tangent());
    return trunk.forwardTangent(new Dual(x, dx));
  }

  /** The forward pass on the host, over a copy of the current parameters (the sampling engine "vector"). */
  public HostMeanFlow host() {
    List<NDArray> p = first.parameters();
    return new HostMeanFlow(spec, p.get(0).toFloatArray(), p.get(1).toFloatArray(), embedding.host(),
        afterFirst.host());
  }

  /** Trainable arrays: W0, b0, W1, b1, ..., head W, head b. */
  public List<NDArray> parameters() {
    return trunk.parameters();
  }
}
