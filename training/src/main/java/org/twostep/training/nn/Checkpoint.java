package org.twostep.training.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.twostep.common.error.InvalidInputException;

/**
 * The checkpoint of every trainer's state as one list: the weights, Adam's means, Adam's variances, and one more group
 * of weight-shaped arrays (the EMA weights of MeanFlow and IMM, the corrector's best weights), in that order.
 *
 * @param manager the sub-manager the restored arrays live on (the state owns and closes it)
 * @param params trainable weights
 * @param means Adam first moments
 * @param variances Adam second moments
 * @param kept the fourth group: EMA averages or best weights
 */
public record Checkpoint(NDManager manager, List<NDArray> params, List<NDArray> means, List<NDArray> variances,
    List<NDArray> kept) {

  /** The arrays themselves (not copies), ready for {@code ModelDirectory.writeArrays}. */
  public static NDList snapshot(List<NDArray> params, Adam adam, List<NDArray> kept) {
    NDList list = new NDList();
    list.addAll(params);
    list.addAll(adam.means());
    list.addAll(adam.variances());
    list.addAll(kept);
    return list;
  }

  /**
   * Splits a snapshot into its four groups on a new sub-manager of {@code parent}, after checking that it holds four
   * float32 arrays of every shape of {@code shapes}; a mismatch is bad input naming {@code what} (the model kind).
   */
  public static Checkpoint restore(NDManager parent, List<long[]> shapes, NDList snapshot, String what) {
    int k = shapes.size();
    if (snapshot.size() != 4 * k) {
      throw new InvalidInputException(what + " checkpoint holds " + snapshot.size() + " arrays, expected " + 4 * k);
    }
    NDManager m = parent.newSubManager();
    snapshot.attach(m);
    List<NDArray> all = new ArrayList<>(snapshot);
    for (int i = 0; i < 4 * k; i++) {
      long[] expected = shapes.get(i % k);
      if (!Arrays.equals(expected, all.get(i).getShape().getShape()) || all.get(i).getDataType() != DataType.FLOAT32) {
        m.close();
        throw new InvalidInputException(what + " checkpoint array " + i + " is " + all.get(i).getShape() + " "
            + all.get(i).getDataType() + ", expected " + Arrays.toString(expected) + " float32");
      }
    }
    return new Checkpoint(m, new ArrayList<>(all.subList(0, k)), all.subList(k, 2 * k), all.subList(2 * k, 3 * k),
        new ArrayList<>(all.subList(3 * k, 4 * k)));
  }
}
