package org.twostep.training.deepparticle;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twostep.training.nn.Dense;

/**
 * The displacement network g of {@code R(y, sigma) = y + g(y, sigma)} (SPEC §3): a dense layer to the width, residual
 * blocks, and a linear head. With the head at zero (its initial value), g = 0 and R is exactly the identity.
 */
public final class CorrectorNet {
  private final CorrectorSpec spec;
  private final List<NDArray> params;
  private final Dense input;
  private final List<ResidualBlock> blocks = new ArrayList<>();
  private final Dense head;

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
    this.input = new Dense(params.get(0), params.get(1));
    for (int b = 0; b < spec.blocks(); b++) {
      int o = 2 + CorrectorSpec.PER_BLOCK * b;
      blocks.add(new ResidualBlock(new LayerNorm(params.get(o), params.get(o + 1)),
          new Dense(params.get(o + 2), params.get(o + 3)), new Dense(params.get(o + 4), params.get(o + 5))));
    }
    int h = spec.headIndex();
    this.head = new Dense(params.get(h), params.get(h + 1));
  }

  public CorrectorSpec spec() {
    return spec;
  }

  /** g for encoded inputs (n x inputs): n x d. */
  public NDArray forward(NDArray x) {
    NDArray h = input.forward(x);
    for (ResidualBlock block : blocks) {
      h = block.apply(h);
    }
    return head.forward(h);
  }

  /** The trainable arrays, in spec order. */
  public List<NDArray> parameters() {
    return params;
  }
}
