package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.error.InvalidInputException;

/** Log-domain Sinkhorn: marginals, a cost above the exact one, and convergence to it as eps -> 0. */
class SinkhornTest {

  @Test
  void costApproachesTheExactCostAsEpsShrinks() {
    SplittableRandom r = new SplittableRandom(71);
    int n = 60;
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    double[] y = Clouds.gaussian(r, n, 1.05, 0.95, 1);
    double[] c = CostMatrices.squaredEuclidean(x, y, 3);
    double exact = new JonkerVolgenant().solve(c, n).cost() / n;
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    double previousGap = Double.POSITIVE_INFINITY;
    for (double eps : new double[] {0.05, 0.01, 0.005, 0.001}) {
      // at eps = 0.001 Sinkhorn needs ~60 000 iterations to meet 1e-6; the cost settles far
      // earlier (within 1e-4 of its limit after 1 000), so the last step only runs 3 000
      boolean small = eps < 0.005;
      SinkhornPlan p = new Sinkhorn(small ? 3000 : 100000, 1e-6).solve(w, w, c, eps);
      assertTrue(small || p.converged(), "eps " + eps);
      double gap = p.cost() - exact;
      // a coupling never beats the exact one
      assertTrue(gap > 0, "eps " + eps + " gap " + gap);
      assertTrue(gap < previousGap, "the gap shrinks with eps");
      previousGap = gap;
    }
    assertTrue(previousGap < 0.03 * exact, "gap at eps 0.001: " + previousGap + " of " + exact);
  }

  @Test
  void planHasTheRequestedMarginals() {
    SplittableRandom r = new SplittableRandom(72);
    int m = 40;
    int n = 55;
    double[] c = CostMatrices.squaredEuclidean(Clouds.uniform(r, m, 2), Clouds.uniform(r, n, 2), 2);
    double[] a = positiveMasses(r, m);
    double[] b = positiveMasses(r, n);
    SinkhornPlan p = new Sinkhorn(5000, 1e-10).solve(a, b, c, 0.01);
    assertTrue(p.converged());
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        assertTrue(p.get(i, j) >= 0);
        s += p.get(i, j);
      }
      assertEquals(a[i], s, 1e-9);
    }
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += p.get(i, j);
      }
      assertEquals(b[j], s, 1e-9);
    }
  }

  @Test
  void largeEpsGivesTheIndependentCoupling() {
    // as eps -> infinity the entropic plan tends to a x b
    double[] c = {0, 1, 1, 0};
    double[] a = {0.5, 0.5};
    SinkhornPlan p = new Sinkhorn(1000, 1e-12).solve(a, a, c, 1e6);
    assertEquals(0.25, p.get(0, 0), 1e-6);
    assertEquals(0.25, p.get(0, 1), 1e-6);
  }

  @Test
  void overRelaxationReachesThePlainFixedPoint() {
    SplittableRandom r = new SplittableRandom(73);
    double[] c = CostMatrices.squaredEuclidean(Clouds.uniform(r, 30, 2), Clouds.uniform(r, 30, 2), 2);
    double[] w = new double[30];
    Arrays.fill(w, 1.0 / 30);
    SinkhornPlan plain = new Sinkhorn(100000, 1e-12, 1.0).solve(w, w, c, 0.01);
    SinkhornPlan relaxed = new Sinkhorn(100000, 1e-12, 1.8).solve(w, w, c, 0.01);
    assertTrue(plain.converged() && relaxed.converged());
    assertTrue(relaxed.iterations() < plain.iterations(), relaxed.iterations() + " vs " + plain.iterations());
    assertEquals(plain.cost(), relaxed.cost(), 1e-9);
  }

  @Test
  void theKernelEvolvedInPlaceIsThePlanOfThePotentials() {
    // the kernel replaces the costs and is only multiplied and raised while eps anneals and scalings are absorbed:
    // every entry must still be exp((f_i + g_j - C_ij) / eps) of the original costs, and <P, C> their cost
    SplittableRandom r = new SplittableRandom(74);
    int n = 70;
    double[] c = CostMatrices.squaredEuclidean(Clouds.gaussian(r, n, 1, 1, 1), Clouds.gaussian(r, n, 1.1, 0.9, 1), 3);
    double[] original = c.clone();
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    SinkhornPlan p = new Sinkhorn(100000, 1e-7).solve(w, w, c, 0.003);
    assertTrue(p.converged(), p.toString());
    assertTrue(Arrays.equals(original, c), "solve leaves the costs alone");
    double[] f = p.f();
    double[] g = p.g();
    double direct = 0;
    int compared = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = Math.exp((f[i] + g[j] - c[i * n + j]) / p.eps());
        direct += p.get(i, j) * c[i * n + j];
        if (expected > 1e-250) {
          assertEquals(expected, p.get(i, j), 1e-9 * expected, "entry " + i + "," + j);
          compared++;
        }
      }
    }
    assertTrue(compared > n, "compared " + compared);
    assertEquals(direct, p.cost(), 1e-12 * direct);
    double[] buffer = c.clone();
    SinkhornPlan inPlace = new Sinkhorn(100000, 1e-7).solveInPlace(w, w, buffer, 0.003);
    assertEquals(p, inPlace);
    assertEquals(inPlace.get(3, 5), buffer[3 * n + 5], "the plan owns the buffer");
  }

  @Test
  void theInPlaceSolveAllocatesNoMatrix() {
    // the kernel and the plan live in the caller's cost buffer: what the solve allocates is a few vectors of n
    SplittableRandom r = new SplittableRandom(75);
    int n = 300;
    double[] c = CostMatrices.squaredEuclidean(Clouds.uniform(r, n, 3), Clouds.uniform(r, n, 3), 3);
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    new Sinkhorn(2000, 1e-6).solveInPlace(w, w, c.clone(), 0.01); // loads and compiles outside the count
    double[] buffer = c.clone();
    long before = threads.getThreadAllocatedBytes(id);
    SinkhornPlan p = new Sinkhorn(2000, 1e-6).solveInPlace(w, w, buffer, 0.01);
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(p.converged());
    assertTrue(allocated < 8L * n * n / 4, allocated + " bytes allocated, the matrix is " + 8L * n * n);
  }

  @Test
  void rejectsBadInput() {
    Sinkhorn s = new Sinkhorn(10, 1e-6);
    assertThrows(InvalidInputException.class, () -> s.solve(new double[] {1}, new double[] {1}, new double[] {0}, 0));
    assertThrows(InvalidInputException.class, () -> s.solve(new double[] {1}, new double[] {1}, new double[] {0, 1}, 0.1));
    assertThrows(InvalidInputException.class, () -> s.solve(new double[] {0}, new double[] {0}, new double[] {0}, 0.1));
  }

  private static double[] positiveMasses(SplittableRandom r, int n) {
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 0.1 + r.nextDouble();
      s += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    return w;
  }
}
