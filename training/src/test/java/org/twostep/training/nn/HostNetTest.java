package org.twostep.training.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * The host forward pass (sampling engine "vector") against PyTorch's on the same weights, layer kinds and whole
 * networks, at row counts around the tile and vector boundaries; and a row's output independent of the thread count.
 */
class HostNetTest {
  private static final int[] ROWS = {1, 2, 3, 63, 64, 65, 129, 300};
  private NDManager manager;
  private final SplittableRandom rng = new SplittableRandom(7);

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager(ai.djl.Device.cpu());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private float[] gaussian(int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (scale * rng.nextGaussian());
    }
    return v;
  }

  private NDArray random(double scale, long... shape) {
    return manager.create(gaussian((int) new Shape(shape).size(), scale), new Shape(shape));
  }

  /** max |host - torch| / max |torch|, asserting the outputs do not vanish. */
  private static double relativeError(float[] host, float[] torch) {
    assertEquals(torch.length, host.length);
    double err = 0;
    double scale = 0;
    for (int i = 0; i < torch.length; i++) {
      err = Math.max(err, Math.abs(host[i] - torch[i]));
      scale = Math.max(scale, Math.abs(torch[i]));
    }
    assertTrue(scale > 1e-2, "outputs must not vanish, max |torch| = " + scale);
    return err / scale;
  }

  private float[] onHost(DualLayer layer, float[] x, int rows, int inputs, int outputs) {
    return new HostNet(layer.host(), inputs, outputs).forward(x, rows);
  }

  private void assertLayerMatches(DualLayer layer, int inputs, int outputs, double tolerance) {
    for (int rows : ROWS) {
      float[] x = gaussian(rows * inputs, 1.5);
      float[] torch = layer.forward(manager.create(x, new Shape(rows, inputs))).toFloatArray();
      double err = relativeError(onHost(layer, x, rows, inputs, outputs), torch);
      assertTrue(err < tolerance, rows + " rows: relative error " + err);
    }
  }

  @Test
  void denseMatchesTorchAtEveryWidthAndRowCount() {
    // 64 outputs take the four-vector path, 3 and 37 the masked one, 100 both
    for (int[] shape : new int[][] {{3, 64}, {64, 64}, {64, 3}, {5, 37}, {64, 100}}) {
      assertLayerMatches(new Dense(random(0.3, shape[1], shape[0]), random(0.3, shape[1])), shape[0], shape[1], 1e-6);
    }
  }

  @Test
  void activationsAndLayerNormMatchTorch() {
    Selu selu = new Selu(manager, DataType.FLOAT32);
    assertLayerMatches(selu, 64, 64, 1e-6);
    assertLayerMatches(selu, 3, 3, 1e-6); // a width below the vector length: masked tails
    assertLayerMatches(new Silu(), 64, 64, 1e-6);
    assertLayerMatches(new Silu(), 3, 3, 1e-6);
    assertLayerMatches(new LayerNorm(random(1, 64), random(1, 64)), 64, 64, 1e-5);
    assertLayerMatches(new LayerNorm(random(1, 37), random(1, 37)), 37, 37, 1e-5); // whole vectors and a scalar tail
    assertLayerMatches(new TimeEmbedding(manager, DataType.FLOAT32, TimeEmbedding.geometric(16, 1, 16), 2), 2, 64,
        1e-5);
  }

  @Test
  void residualBlockMatchesTorch() {
    DualLayer block = new Residual(new Chain(List.of(new LayerNorm(random(1, 64), random(0.1, 64)),
        new Dense(random(0.2, 64, 64), random(0.1, 64)), new Silu(), new Dense(random(0.2, 64, 64), random(0.1, 64)))));
    assertLayerMatches(block, 64, 64, 1e-5);
  }

  /** A MeanFlow network of d = 3 with 5 sigma features and random weights (the head too, so u does not vanish). */
  private MeanFlowNet randomMeanFlow(int depth) {
    NetSpec spec = new NetSpec(3, 5, 64, depth, TimeEmbedding.geometric(16, 1, 16));
    List<NDArray> params = new ArrayList<>();
    for (long[] s : spec.parameterShapes()) {
      params.add(random(0.15, s));
    }
    return MeanFlowNet.of(spec, manager, DataType.FLOAT32, params);
  }

  @Test
  void meanFlowVelocityMatchesTorchWithSharedInputsFoldedIntoTheBias() {
    MeanFlowNet net = randomMeanFlow(5);
    HostMeanFlow host = net.host();
    float[] features = gaussian(5, 1);
    try (BlockRunner one = new BlockRunner(1)) {
      for (double[] tr : new double[][] {{1, 1}, {0.5, 0.5}, {0.8, 0.3}}) {
        for (int rows : ROWS) {
          float[] z = gaussian(rows * 3, 1);
          float[] zs = new float[rows * 8];
          float[] tau = new float[rows * 2];
          for (int i = 0; i < rows; i++) {
            System.arraycopy(z, 3 * i, zs, 8 * i, 3);
            System.arraycopy(features, 0, zs, 8 * i + 3, 5);
            tau[2 * i] = (float) tr[0];
            tau[2 * i + 1] = (float) tr[1];
          }
          float[] torch = net.forward(manager.create(zs, new Shape(rows, 8)), manager.create(tau, new Shape(rows, 2)))
              .toFloatArray();
          double err = relativeError(host.velocity(z, rows, features, tr[0], tr[1], one), torch);
          assertTrue(err < 1e-5, rows + " rows at (t, t - r) = " + tr[0] + ", " + tr[1] + ": relative error " + err);
        }
      }
    }
  }

  @Test
  void aRowsOutputDoesNotDependOnTheThreadCountOrItsNeighbours() {
    HostMeanFlow host = randomMeanFlow(3).host();
    float[] features = gaussian(5, 1);
    int rows = 3000; // three blocks
    float[] z = gaussian(rows * 3, 1);
    try (BlockRunner one = new BlockRunner(1); BlockRunner three = new BlockRunner(3)) {
      float[] all = host.velocity(z, rows, features, 1, 1, one);
      assertArrayEquals(all, host.velocity(z, rows, features, 1, 1, three));
      // row 2100 alone, outside its block, its tile and its pair of rows
      float[] alone = host.velocity(java.util.Arrays.copyOfRange(z, 2100 * 3, 2101 * 3), 1, features, 1, 1, three);
      assertArrayEquals(java.util.Arrays.copyOfRange(all, 2100 * 3, 2101 * 3), alone);
    }
  }

  @Test
  void everyRowIsInOneBlockAndAFailureReachesTheCaller() {
    try (BlockRunner three = new BlockRunner(3)) {
      int[] seen = new int[3000];
      HostNet.inBlocks(three, 3000, (from, to) -> {
        for (int i = from; i < to; i++) {
          seen[i]++;
        }
      });
      for (int i = 0; i < seen.length; i++) {
        assertEquals(1, seen[i], "row " + i);
      }
      IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> HostNet.inBlocks(three, 3000, (from, to) -> {
            if (from > 0) {
              throw new IllegalStateException("range " + from);
            }
          }));
      assertTrue(e.getMessage().startsWith("range "), e.getMessage());
    }
  }
}
