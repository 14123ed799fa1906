package org.twostep.simulation.ks;

import java.util.Arrays;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * The KS pair sum {@code S_p = sum_q (x_p - x_q) w(|x_p - x_q|^2 + delta^2)} (SPEC §1.1) computing each pair once:
 * the pair (p, q) adds its term to target p and the equal and opposite term to source q, which halves the weight
 * evaluations of {@link PairKernel} (kept as the direct reference the benchmark compares against).
 *
 * <p>Layout: targets come in rows of {@link #ROW}; row i meets the sources after it, in chunks of {@link #CHUNK}
 * (so positions and source sums of a chunk stay in L1 while the row's targets sweep it), plus its own row directly
 * (target side only, as the self term is exactly zero). Rows are dealt to {@link #GROUPS} fixed groups in snake order
 * so every group has about the same work; a group runs its rows in order on one thread and gathers the source terms
 * in its own buffer; at the end each S_p is its row's target sum plus the group buffers added in group order.
 * Groups, rows and chunks depend on n only, never on the thread count, so the bits do not either.
 *
 * <p>Weights are correctly rounded as in {@link PairKernel}; only the order of the additions differs from it. One
 * instance per task (it owns the buffers).
 */
public final class SymmetricPairSum {
  static final int ROW = 64;
  static final int CHUNK = 1024;
  static final int GROUPS = 8;

  private final int dim;
  private final int n;
  private final int lanes = PairKernel.lanes();
  private final int rows;
  private final int groups;
  /** Source sums per group: {@code sources[g][k][q]}. */
  private final float[][][] sources;
  /** Target sums (negated) per particle, written once by the row that owns it. */
  private final float[][] targets;
  /** Per group: vector accumulators of a row's targets, and a dummy source buffer for the row's own block. */
  private final float[][] acc;
  private final float[][][] discard;
  /** Per group: x_q - x_p of the scalar tails' current pair. */
  private final float[][] gap;

  public SymmetricPairSum(int dim, int n) {
    if (dim != 3 && dim != 4) {
      throw new IllegalArgumentException("the KS kernel supports 3 or 4 dimensions, found " + dim);
    }
    this.dim = dim;
    this.n = n;
    this.rows = (n + ROW - 1) / ROW;
    this.groups = Math.max(1, Math.min(GROUPS, rows));
    this.sources = new float[groups][dim][n];
    this.targets = new float[dim][n];
    this.acc = new float[groups][ROW * dim * lanes];
    this.discard = new float[groups][dim][ROW];
    this.gap = new float[groups][dim];
  }

  /** Group of row i: snake order 0..G-1, G-1..0, ... so long and short rows mix. */
  static int groupOf(int row, int groups) {
    int r = row % (2 * groups);
    return r < groups ? r : 2 * groups - 1 - r;
  }

  /** Writes S_p into {@code out[k][p]} for all p; {@code pos} has {@code dim} axes of length >= n. */
  public void sum(float[][] pos, float delta2, BlockRunner runner, float[][] out) {
    runner.run(groups, g -> {
      for (float[] b : sources[g]) {
        Arrays.fill(b, 0f);
      }
      for (int i = g; i < rows; i++) {
        if (groupOf(i, groups) == g) {
          row(pos, delta2, i, g);
        }
      }
    });
    int blocks = (n + CHUNK - 1) / CHUNK;
    runner.run(blocks, c -> {
      int to = Math.min(n, (c + 1) * CHUNK);
      for (int k = 0; k < dim; k++) {
        float[] o = out[k];
        float[] t = targets[k];
        for (int p = c * CHUNK; p < to; p++) {
          float s = -t[p];
          for (int g = 0; g < groups; g++) {
            s += sources[g][k][p];
          }
          o[p] = s;
        }
      }
    });
  }

  private void row(float[][] pos, float d2, int i, int g) {
    int a = i * ROW;
    int b = Math.min(n, a + ROW);
    float[] ac = acc[g];
    Arrays.fill(ac, 0f);
    int ownEnd = a + (b - a) / lanes * lanes;
    sweep(pos, d2, a, b, a, ownEnd, discard[g], a, ac);
    float[][] src = sources[g];
    int end = b + (n - b) / lanes * lanes;
    for (int c = b; c < end; c += CHUNK) {
      sweep(pos, d2, a, b, c, Math.min(end, c + CHUNK), src, 0, ac);
    }
    float[] e = gap[g];
    for (int p = a; p < b; p++) {
      int slot = (p - a) * dim * lanes;
      for (int k = 0; k < dim; k++) {
        targets[k][p] = PairKernel.lanesInOrder(ac, slot + k * lanes, lanes);
      }
      for (int q = ownEnd; q < b; q++) { // the row's own tail: target side only
        float w = weight(pos, d2, p, q, e);
        for (int k = 0; k < dim; k++) {
          targets[k][p] = Math.fma(e[k], w, targets[k][p]);
        }
      }
      for (int q = end; q < n; q++) { // the sources' tail: both sides
        float w = weight(pos, d2, p, q, e);
        for (int k = 0; k < dim; k++) {
          targets[k][p] = Math.fma(e[k], w, targets[k][p]);
          src[k][q] = Math.fma(e[k], w, src[k][q]);
        }
      }
    }
  }

  /** Targets [a, b) against sources [from, to), two targets per pass, source terms into {@code buf[k][q - bOff]}. */
  private void sweep(float[][] pos, float d2, int a, int b, int from, int to, float[][] buf, int bOff,
      float[] ac) {
    if (from >= to) {
      return;
    }
    int stride = dim * lanes;
    int p = a;
    if (dim == 3) {
      for (; p + 1 < b; p += 2) {
        Tile3.pair(pos[0], pos[1], pos[2], d2, p, from, to, buf[0], buf[1], buf[2], bOff, ac, (p - a) * stride);
      }
      if (p < b) {
        Tile3.single(pos[0], pos[1], pos[2], d2, p, from, to, buf[0], buf[1], buf[2], bOff, ac, (p - a) * stride);
      }
    } else {
      for (; p + 1 < b; p += 2) {
        Tile4.pair(pos[0], pos[1], pos[2], pos[3], d2, p, from, to, buf[0], buf[1], buf[2], buf[3], bOff, ac,
            (p - a) * stride);
      }
      if (p < b) {
        Tile4.single(pos[0], pos[1], pos[2], pos[3], d2, p, from, to, buf[0], buf[1], buf[2], buf[3], bOff, ac,
            (p - a) * stride);
      }
    }
  }

  /** The weight of pair (p, q) with the tiles' scalar operations; {@code e} receives x_q - x_p. */
  private float weight(float[][] pos, float d2, int p, int q, float[] e) {
    float s = d2;
    for (int k = dim - 1; k >= 0; k--) {
      e[k] = pos[k][q] - pos[k][p];
      s = Math.fma(e[k], e[k], s);
    }
    return dim == 3 ? Tile3.weight(s) : Tile4.weight(s);
  }
}
