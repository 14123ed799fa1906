package org.twostep.common.rng;

import java.util.SplittableRandom;

/**
 * The only place random streams are made. A stream is a pure function of (root seed, coordinates),
 * so a Spark task recomputed after a failure, or run in another partition, draws the same numbers.
 *
 * <p>Coordinates are mixed with SplitMix64's finalizer (Steele, Lea and Flood 2014), a bijection on
 * 64-bit words, one coordinate at a time: a counter-based derivation in the sense of Salmon et al.
 * (2011), without any shared mutable state.
 */
public final class Seeds {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** Derives a 64-bit seed from a root seed and any number of coordinates (order matters). */
  public static long derive(long root, long... coordinates) {
    long h = mix(root ^ GOLDEN);
    for (long c : coordinates) {
      h = mix(h + GOLDEN + mix(c));
    }
    return h;
  }

  /** A seed coordinate for a real parameter value, stable when a grid grows around it. */
  public static long coordinate(double value) {
    return Double.doubleToLongBits(value == 0.0 ? 0.0 : value); // -0.0 and 0.0 are one sigma
  }

  /** A seed coordinate for a name (experiment, stream), stable across JVMs. */
  public static long coordinate(String name) {
    long h = 1125899906842597L;
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    return mix(h);
  }

  /** A fresh generator for the derived seed; use one per task and stream, never share it. */
  public static SplittableRandom stream(long root, long... coordinates) {
    return new SplittableRandom(derive(root, coordinates));
  }

  /** SplitMix64 finalizer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
