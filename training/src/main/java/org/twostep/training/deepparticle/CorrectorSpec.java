package org.twostep.training.deepparticle;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the corrector network g (SPEC §3): input width (encoded coordinates plus sigma features), output
 * dimension d, hidden width and residual block count.
 *
 * @param inputs input width
 * @param dim output dimension d
 * @param width hidden width
 * @param blocks residual blocks
 */
public record CorrectorSpec(int inputs, int dim, int width, int blocks) {

  /** Arrays per residual block: LayerNorm gain and shift, two dense layers. */
  static final int PER_BLOCK = 6;

  /** Shapes of: in W, in b, then per block (LN gain, LN shift, W1, b1, W2, b2), then head W, head b. */
  public List<long[]> parameterShapes() {
    List<long[]> s = new ArrayList<>();
    s.add(new long[] {width, inputs});
    s.add(new long[] {width});
    for (int b = 0; b < blocks; b++) {
      s.add(new long[] {width});
      s.add(new long[] {width});
      s.add(new long[] {width, width});
      s.add(new long[] {width});
      s.add(new long[] {width, width});
      s.add(new long[] {width});
    }
    s.add(new long[] {dim, width});
    s.add(new long[] {dim});
    return s;
  }

  /** Index of the head weight in {@link #parameterShapes()}. */
  int headIndex() {
    return 2 + PER_BLOCK * blocks;
  }
}
