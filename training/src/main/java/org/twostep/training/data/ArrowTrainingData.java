package org.twostep.training.data;

import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float4Vector;

/**
 * The train split held columnar and off-heap: one Arrow {@link Float4Vector} per (sigma group, axis). Rows are read
 * by index into primitive arrays, so cutting a batch creates no per-row objects. Closing releases the memory.
 */
public final class ArrowTrainingData implements TrainingData {
  private final BufferAllocator allocator;
  private final double[] sigmas;
  private final Float4Vector[][] columns;
  private final int[] counts;
  private final double loadSeconds;

  /** Takes ownership of the allocator and of the vectors ({@code columns[group][axis]}, value counts set). */
  ArrowTrainingData(BufferAllocator allocator, double[] sigmas, Float4Vector[][] columns, double loadSeconds) {
    this.allocator = allocator;
    this.sigmas = sigmas.clone();
    this.columns = columns;
    this.counts = Arrays.stream(columns).mapToInt(c -> c[0].getValueCount()).toArray();
    this.loadSeconds = loadSeconds;
  }

  @Override
  public int dim() {
    return columns[0].length;
  }

  @Override
  public double[] sigmas() {
    return sigmas.clone();
  }

  @Override
  public int count(int group) {
    return counts[group];
  }

  @Override
  public void copyRow(int group, int row, float[] dst, int offset) {
    Float4Vector[] axes = columns[group];
    for (int k = 0; k < axes.length; k++) {
      dst[offset + k] = axes[k].get(row);
    }
  }

  /** Wall time of reading the table into the vectors. */
  public double loadSeconds() {
    return loadSeconds;
  }

  /** Off-heap bytes held. */
  public long bytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public void close() {
    for (Float4Vector[] axes : columns) {
      for (Float4Vector v : axes) {
        v.close();
      }
    }
    allocator.close();
  }
}
