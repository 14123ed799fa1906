package org.twostep.training.nn;

import java.util.ArrayDeque;

/**
 * The activations of a few rows (row-major, {@code rows x width}) passing through {@link HostLayer}s, with spare
 * buffers so a forward pass allocates nothing once warm. One per thread. A residual skip pins its input, which a later
 * layer then replaces rather than changes in place ({@link #writable}).
 */
public final class HostTile {
  private final ArrayDeque<float[]> spare = new ArrayDeque<>();
  private float[] values;
  private float[] pinned;
  private int rows;
  private int width;

  /** Loads rows {@code first .. first + count} of {@code x} ({@code width} columns). */
  void load(float[] x, int first, int count, int width) {
    this.rows = count;
    this.width = width;
    values = buffer(count * width);
    System.arraycopy(x, first * width, values, 0, count * width);
  }

  public int rows() {
    return rows;
  }

  public int width() {
    return width;
  }

  /** The current activations: the first {@code rows x width} entries. */
  public float[] values() {
    return values;
  }

  /** A spare buffer of at least {@code size} entries (contents undefined); give it back by {@link #replace} or {@link #release}. */
  float[] buffer(int size) {
    float[] b = spare.poll();
    while (b != null && b.length < size) {
      b = spare.poll();
    }
    return b != null ? b : new float[size];
  }

  /** New activations of {@code width} columns; the old buffer becomes spare unless pinned. */
  void replace(float[] next, int width) {
    if (values != pinned) {
      spare.push(values);
    }
    values = next;
    this.width = width;
  }

  /** The current activations for an in-place change: a copy when they are pinned. */
  float[] writable() {
    if (values == pinned) {
      int n = rows * width;
      float[] copy = buffer(n);
      System.arraycopy(values, 0, copy, 0, n);
      values = copy;
    }
    return values;
  }

  /** Keeps the current activations unchanged until {@link #unpin}; returns them. */
  float[] pin() {
    if (pinned != null) {
      throw new IllegalStateException("a tile holds one pinned input at a time");
    }
    pinned = values;
    return values;
  }

  /** Ends the pin; the pinned buffer becomes spare unless it is still the current activations. */
  void unpin() {
    if (pinned != values) {
      spare.push(pinned);
    }
    pinned = null;
  }

  void release(float[] buffer) {
    spare.push(buffer);
  }
}
