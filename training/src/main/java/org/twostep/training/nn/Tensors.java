package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Array creation in the network's data type without an intermediate array left behind on the manager. */
public final class Tensors {
  private Tensors() {}

  public static NDArray create(NDManager manager, double[] values, Shape shape, DataType dtype) {
    if (dtype == DataType.FLOAT64) {
      return manager.create(values, shape);
    }
    if (dtype != DataType.FLOAT32) {
      throw new IllegalArgumentException("networks are float32 or float64, found " + dtype);
    }
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return manager.create(f, shape);
  }

  public static NDArray scalar(NDManager manager, double value, DataType dtype) {
    return create(manager, new double[] {value}, new Shape(), dtype);
  }
}
