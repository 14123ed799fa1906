package org.twostep.training.data;

import java.util.Arrays;
import java.util.TreeMap;
import org.twostep.common.error.InvalidInputException;

/** Training data held on the heap, one row-major float array per sigma: what training reads. */
public final class InMemoryTrainingData implements TrainingData {
  private final int dim;
  private final double[] sigmas;
  private final float[][] groups;

  /** Groups keyed by sigma, each row-major with {@code dim} coordinates per particle (arrays are copied). */
  public InMemoryTrainingData(int dim, TreeMap<Double, float[]> bySigma) {
    if (bySigma.isEmpty()) {
      throw new InvalidInputException("training data has no sigma groups");
    }
    this.dim = dim;
    this.sigmas = bySigma.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    this.groups = new float[sigmas.length][];
    int g = 0;
    for (float[] rows : bySigma.values()) {
      if (rows.length == 0 || rows.length % dim != 0) {
        throw new InvalidInputException("sigma " + sigmas[g] + " has " + rows.length
            + " coordinates, expected a positive multiple of " + dim);
      }
      groups[g++] = rows.clone();
    }
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public double[] sigmas() {
    return sigmas.clone();
  }

  @Override
  public int count(int group) {
    return groups[group].length / dim;
  }

  @Override
  public void copyRow(int group, int row, float[] dst, int offset) {
    System.arraycopy(groups[group], row * dim, dst, offset, dim);
  }

  @Override
  public String toString() {
    return "InMemoryTrainingData" + Arrays.toString(sigmas);
  }
}
