package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twostep.training.nn.Chain;
import org.twostep.training.nn.Dense;
import org.twostep.training.nn.HostNet;
import org.twostep.training.nn.DualLayer;
import org.twostep.training.nn.LayerNorm;
import org.twostep.training.nn.Residual;
import org.twostep.training.nn.Silu;

/**
 * The displacement network g of {@code R(y, sigma) = y + g(y, sigma)} (SPEC §3): a dense layer to the width, residual
 * blocks, and a linear head. With the head at zero (its initial value), g = 0 and R is exactly the identity.
 */
public final class CorrectorNet {
  private final CorrectorSpec spec;
  private final List<NDArray> params;
  private final Chain layers;

  /** A network over the given arrays, in the order of {@link CorrectorSpec#parameterShapes()} (used, not copied). */
  public CorrectorNet(CorrectorSpec spec, List<NDArray> params) {
    List<long[]> shapes = spec.parameterShapes();
    if (params.size() != shapes.size()) {
      throw new IllegalArgumentException("expected " + shapes.size() + " corrector arrays, found " + params.size());
    }
    for (int i = 0; i < shapes.size(); i++) {
      if (!Arrays.equals(shapes.get(i), params.get(i).getShape().getShape())) {
        throw new IllegalArgumentException("corrector array " + i + " has shape " + params.get(i).getShape()
            + ", expected " + Arrays.toString(shapes.get(i)));
      }
    }
    this.spec = spec;
    this.params = List.copyOf(params);
    List<DualLayer> all = new ArrayList<>();
    all.add(new Dense(params.get(0), params.get(1)));
    Silu silu = new Silu();
    for (int b = 0; b < spec.blocks(); b++) {
      int o = 2 + CorrectorSpec.PER_BLOCK * b;
      // SPEC §3 block: h + Linear(SiLU(Linear(LayerNorm(h))))
      all.add(new Residual(new Chain(List.of(new LayerNorm(params.get(o), params.get(o + 1)),
          new Dense(params.get(o + 2), params.get(o + 3)), silu, new Dense(params.get(o + 4), params.get(o + 5))))));
    }
    int h = spec.headIndex();
    all.add(new Dense(params.get(h), params.get(h + 1)));
    this.layers = new Chain(all);
  }

  public CorrectorSpec spec() {
    return spec;
  }

  /** g for encoded inputs (n x inputs): n x d. */
  public NDArray forward(NDArray x) {
    return layers.forward(x);
  }

  /** The forward pass on the host, over a copy of the current parameters (the sampling engine "vector"). */
  public HostNet host() {
    return new HostNet(layers.host(), spec.inputs(), spec.dim());
  }

  /** The trainable arrays, in spec order. */
  public List<NDArray> parameters() {
    return params;
  }
}
