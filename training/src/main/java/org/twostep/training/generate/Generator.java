package org.twostep.training.generate;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A trained sampler: {@code generate(sigma, n, seed)} draws n particles at sigma, deterministic given the seed.
 * The result is columnar, {@code [axis][particle]}, as the particle tables store it. {@link #pieces} draws the same
 * cloud in consecutive pieces, so a cloud larger than memory can be written as it is drawn.
 *
 * <p>Not safe for concurrent use: one thread at a time per instance (the public API that wraps it,
 * {@code org.twostep.jobs.sample.Surrogate}, serializes its calls).
 */
public interface Generator extends AutoCloseable {

  /**
   * Particles per network evaluation of the samplers of this package. Pieces whose sizes are multiples of it (the
   * last one excepted) feed the network the same batches as one call of {@link #generate}, so the clouds agree bit
   * for bit.
   */
  int BLOCK = 16384;

  /** Data dimension d. */
  int dim();

  /** Whether sigma lies in the training range; outside it generation still runs and is extrapolation. */
  boolean inTrainingRange(double sigma);

  /** n particles at sigma, as {@code d} columns of length n. */
  float[][] generate(double sigma, int n, long seed);

  /**
   * The cloud {@code generate(sigma, n, seed)} in consecutive pieces of {@code piece} particles (the last one
   * shorter), drawn lazily: particle i of the concatenation is particle i of that cloud, and n may exceed what fits in
   * memory (and an int). Pieces that are multiples of {@link #BLOCK} make the two bit-identical. The default draws
   * the whole cloud on the first piece; the trained samplers override it to draw as they go.
   */
  default Iterator<float[][]> pieces(double sigma, long n, long seed, int piece) {
    checkPieces(n, piece);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("this generator draws at most " + Integer.MAX_VALUE + " particles, asked "
          + n);
    }
    return new Iterator<>() {
      private float[][] all;
      private int at;

      @Override
      public boolean hasNext() {
        return at < n;
      }

      @Override
      public float[][] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (all == null) {
          all = generate(sigma, (int) n, seed);
        }
        int c = (int) Math.min(piece, n - at);
        float[][] out = new float[all.length][];
        for (int k = 0; k < all.length; k++) {
          out[k] = java.util.Arrays.copyOfRange(all[k], at, at + c);
        }
        at += c;
        return out;
      }
    };
  }

  /** The argument checks of {@link #pieces}. */
  static void checkPieces(long n, int piece) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, found " + n);
    }
    if (piece < 1) {
      throw new IllegalArgumentException("piece must be >= 1, found " + piece);
    }
  }

  @Override
  void close();
}
