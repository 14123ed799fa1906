package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Google OR-Tools as an independent oracle: its LinearSumAssignment and MinCostFlow are exact on
 * integer costs, so on integer instances our float64 solvers must agree to the last unit.
 */
class OrToolsOracleTest {

  @BeforeAll
  static void loadNatives() {
    Loader.loadNativeLibraries();
  }

  @Test
  void assignmentAgreesWithLinearSumAssignmentOnIntegerCosts() {
    SplittableRandom r = new SplittableRandom(31);
    for (int n : new int[] {5, 60, 300}) {
      // integer squared distances on a lattice: geometric and full of ties
      double[] x = lattice(r, n, 3, 40);
      double[] y = lattice(r, n, 3, 40);
      double[] c = CostMatrices.squaredEuclidean(x, y, 3);
      LinearSumAssignment lsa = new LinearSumAssignment();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          lsa.addArcWithCost(i, j, (long) c[i * n + j]);
        }
      }
      assertEquals(LinearSumAssignment.Status.OPTIMAL, lsa.solve());
      assertEquals(lsa.getOptimalCost(), new JonkerVolgenant().solve(c, n).cost(), 0, "n=" + n);
    }
  }

  @Test
  void transportAgreesWithMinCostFlowOnIntegerMassesAndCosts() {
    SplittableRandom r = new SplittableRandom(32);
    for (int trial = 0; trial < 20; trial++) {
      int m = 1 + r.nextInt(120);
      int n = 1 + r.nextInt(120);
      double[] x = lattice(r, m, 2, 30);
      double[] y = lattice(r, n, 2, 30);
      double[] c = CostMatrices.squaredEuclidean(x, y, 2);
      long[] a = new long[m];
      long[] b = new long[n];
      long total = 0;
      for (int i = 0; i < m; i++) {
        a[i] = 1 + r.nextInt(50);
        total += a[i];
      }
      // split the same total over the sinks
      long left = total;
      for (int j = 0; j < n - 1; j++) {
        b[j] = r.nextLong(left / (n - j) * 2 + 1);
        b[j] = Math.min(b[j], left);
        left -= b[j];
      }
      b[n - 1] = left;
      MinCostFlow flow = new MinCostFlow();
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          flow.addArcWithCapacityAndUnitCost(i, m + j, total, (long) c[i * n + j]);
        }
        flow.setNodeSupply(i, a[i]);
      }
      for (int j = 0; j < n; j++) {
        flow.setNodeSupply(m + j, -b[j]);
      }
      assertEquals(MinCostFlowBase.Status.OPTIMAL, flow.solve());
      TransportPlan plan = new ExactTransport().solve(toDouble(a), toDouble(b), c);
      assertEquals(flow.getOptimalCost(), plan.cost(), 0, "trial " + trial + " (" + m + "x" + n + ")");
    }
  }

  private static double[] lattice(SplittableRandom r, int n, int d, int side) {
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextInt(side);
    }
    return x;
  }

  private static double[] toDouble(long[] w) {
    double[] d = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      d[i] = w[i];
    }
    return d;
  }
}
