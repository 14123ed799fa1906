package org.twostep.training.generate;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy iterator behind {@link Generator#pieces}: n particles in pieces of at most {@code piece}, each filled by
 * {@link #fill} from the sampler's running noise stream, so memory is one piece whatever n is.
 */
public abstract class Pieces implements Iterator<float[][]> {
  private final int dim;
  private final long n;
  private final int piece;
  private long at;

  protected Pieces(int dim, long n, int piece) {
    Generator.checkPieces(n, piece);
    this.dim = dim;
    this.n = n;
    this.piece = piece;
  }

  @Override
  public final boolean hasNext() {
    return at < n;
  }

  @Override
  public final float[][] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int c = (int) Math.min(piece, n - at);
    float[][] out = new float[dim][c];
    fill(out, c);
    at += c;
    return out;
  }

  /** Draws the next c particles of the cloud into {@code out[axis][0..c)}. */
  protected abstract void fill(float[][] out, int c);

  /** The whole cloud of n particles (n = 0 gives d empty columns). */
  public static float[][] all(Generator g, double sigma, int n, long seed) {
    Iterator<float[][]> it = g.pieces(sigma, n, seed, Math.max(n, 1));
    return it.hasNext() ? it.next() : new float[g.dim()][0];
  }
}
