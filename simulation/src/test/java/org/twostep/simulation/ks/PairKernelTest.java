package org.twostep.simulation.ks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.twostep.simulation.parallel.BlockRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both pair sums: the simulation's each-pair-once kernel and the direct kernel the benchmark compares it with. */
class PairKernelTest {

  /** All sums with the each-pair-once kernel ({@link SymmetricPairSum}) on one thread. */
  private static float[][] symmetric(float[][] x, int n, float d2) {
    float[][] out = new float[x.length][n];
    try (BlockRunner r = new BlockRunner(1)) {
      new SymmetricPairSum(x.length, n).sum(x, d2, r, out);
    }
    return out;
  }

  private static float[][] cloud(int dim, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] x = new float[dim][n];
    for (int k = 0; k < dim; k++) {
      for (int i = 0; i < n; i++) {
        x[k][i] = (float) rng.nextDouble(-1, 1);
      }
    }
    return x;
  }

  /** Brute force in float64 on the same float inputs. */
  private static double[] reference(float[][] x, int n, double delta, int p) {
    int d = x.length;
    double[] s = new double[d];
    for (int q = 0; q < n; q++) {
      double r2 = delta * delta;
      for (int k = 0; k < d; k++) {
        double dk = (double) x[k][p] - x[k][q];
        r2 += dk * dk;
      }
      double w = Math.pow(r2, -d / 2.0);
      for (int k = 0; k < d; k++) {
        s[k] += ((double) x[k][p] - x[k][q]) * w;
      }
    }
    return s;
  }

  /** The direct vector kernel matches the float64 brute force, including a tail shorter than a vector. */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void matchesBruteForce(int dim) {
    int n = 3 * PairKernel.lanes() + 5;
    float[][] x = cloud(dim, n, 11);
    float[][] out = new float[dim][n];
    double delta = 0.05;
    PairKernel.sum(x, n, (float) (delta * delta), 0, n, out);
    assertMatchesBruteForce(x, n, delta, out);
  }

  /**
   * The each-pair-once kernel matches the float64 brute force as closely as the direct kernel must, for sizes that leave odd rows, partial chunks and scalar tails, and several groups.
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void eachPairOnceMatchesBruteForce(int dim) {
    double delta = 0.05;
    for (int n : new int[] {2, 3 * PairKernel.lanes() + 5, SymmetricPairSum.ROW * 9 + SymmetricPairSum.CHUNK + 7}) {
      float[][] x = cloud(dim, n, 11 + n);
      assertMatchesBruteForce(x, n, delta, symmetric(x, n, (float) (delta * delta)));
    }
  }

  private static void assertMatchesBruteForce(float[][] x, int n, double delta, float[][] out) {
    int dim = x.length;
    for (int p = 0; p < n; p++) {
      double[] ref = reference(x, n, delta, p);
      double scale = 0;
      for (double r : ref) {
        scale = Math.max(scale, Math.abs(r));
      }
      for (int k = 0; k < dim; k++) {
        assertEquals(ref[k], out[k][p], 1e-4 * Math.max(scale, 1), "particle " + p + " axis " + k);
      }
    }
  }

  /** Two particles: the formula, and exact antisymmetry (the self term vanishes). */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void twoParticlesFormulaAndAntisymmetry(int dim) {
    float[][] x = new float[dim][2];
    x[0][1] = 0.3f;
    x[1][1] = -0.4f;
    float[][] out = new float[dim][2];
    float d2 = 0.0025f;
    PairKernel.sum(x, 2, d2, 0, 2, out);
    double r2 = 0.3f * 0.3f + 0.4f * 0.4f + d2;
    double w = Math.pow(r2, -dim / 2.0);
    for (float[][] o : new float[][][] {out, symmetric(x, 2, d2)}) {
      assertEquals(-0.3f * w, o[0][0], 1e-6 * w);
      assertEquals(0.4f * w, o[1][0], 1e-6 * w);
      for (int k = 0; k < dim; k++) {
        assertEquals(-o[k][1], o[k][0], 0.0, "axis " + k);
      }
    }
  }

  /** Sum over all particles of the pair sums is zero up to float rounding (Newton's third law). */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void netForceVanishes(int dim) {
    int n = 500;
    float[][] x = cloud(dim, n, 5);
    float[][] out = new float[dim][n];
    PairKernel.sum(x, n, 0.0025f, 0, n, out);
    for (float[][] o : new float[][][] {out, symmetric(x, n, 0.0025f)}) {
      for (int k = 0; k < dim; k++) {
        double net = 0;
        double mag = 0;
        for (int p = 0; p < n; p++) {
          net += o[k][p];
          mag += Math.abs(o[k][p]);
        }
        assertTrue(Math.abs(net) < 1e-5 * mag, "axis " + k + ": net " + net + " of total magnitude " + mag);
      }
    }
  }

  /** A target's sum has the same bits whether computed in a pair sweep, alone, or in any block. */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void blockingDoesNotChangeBits(int dim) {
    int n = 2 * PairKernel.lanes() + 3;
    float[][] x = cloud(dim, n, 3);
    float[][] whole = new float[dim][n];
    float[][] singles = new float[dim][n];
    PairKernel.sum(x, n, 0.0025f, 0, n, whole);
    for (int p = 0; p < n; p++) {
      PairKernel.sum(x, n, 0.0025f, p, p + 1, singles);
    }
    for (int k = 0; k < dim; k++) {
      assertArrayEquals(whole[k], singles[k], 0f);
    }
  }
}
