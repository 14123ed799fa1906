package org.twostep.common.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidInputException;

/**
 * Exact transport between weighted point sets: LP certificates over the full matrix (the column
 * generation must not stop early), agreement with the assignment on unit masses, and the 1D
 * closed form (the quantile coupling) for unequal weights and sizes.
 */
class ExactTransportTest {

  @Test
  void certifiesOptimalityWithUnequalSizesAndMasses() {
    SplittableRandom r = new SplittableRandom(41);
    for (int trial = 0; trial < 40; trial++) {
      int m = 1 + r.nextInt(300);
      int n = 1 + r.nextInt(300);
      double[] x = Clouds.gaussian(r, m, 1, 1);
      double[] y = trial % 2 == 0 ? Clouds.ball(r, n, 3, 0) : Clouds.gaussian(r, n, 1.1, 0.9);
      double[] c = CostMatrices.squaredEuclidean(x, y, 2);
      double[] a = randomMasses(r, m, 1.0);
      double[] b = randomMasses(r, n, 1.0);
      assertCertificate(a, b, c);
    }
  }

  @Test
  void agreesWithAssignmentOnUnitMasses() {
    SplittableRandom r = new SplittableRandom(42);
    for (int n : new int[] {1, 7, 90, 400}) {
      double[] x = Clouds.gaussian(r, n, 1, 1, 1);
      double[] y = Clouds.gaussian(r, n, 1.05, 0.95, 1);
      double[] c = CostMatrices.squaredEuclidean(x, y, 3);
      double[] w = new double[n];
      Arrays.fill(w, 1);
      TransportPlan plan = new ExactTransport().solve(w, w, c);
      double assignment = new JonkerVolgenant().solve(c, n).cost();
      assertEquals(assignment, plan.cost(), 1e-9 * Math.max(1, assignment));
    }
  }

  @Test
  void matchesTheQuantileCouplingInOneDimension() {
    SplittableRandom r = new SplittableRandom(43);
    for (int trial = 0; trial < 20; trial++) {
      int m = 1 + r.nextInt(200);
      int n = 1 + r.nextInt(200);
      double[] x = Clouds.gaussian(r, m, 1);
      double[] y = Clouds.uniform(r, n, 1);
      double[] a = randomMasses(r, m, 1.0);
      double[] b = randomMasses(r, n, 1.0);
      double expected = quantileCost(x, a, y, b);
      double got = new ExactTransport().solve(a, b, CostMatrices.squaredEuclidean(x, y, 1)).cost();
      assertEquals(expected, got, 1e-9 * Math.max(1e-3, expected), "trial " + trial);
    }
  }

  @Test
  void rejectsUnbalancedOrInvalidMasses() {
    double[] c = {0, 1, 1, 0};
    ExactTransport t = new ExactTransport();
    assertThrows(InvalidInputException.class, () -> t.solve(new double[] {1, 1}, new double[] {1, 2}, c));
    assertThrows(InvalidInputException.class, () -> t.solve(new double[] {1, -1}, new double[] {0, 0}, c));
    assertThrows(InvalidInputException.class, () -> t.solve(new double[] {1, Double.NaN}, new double[] {1, 1}, c));
    assertThrows(InvalidInputException.class, () -> t.solve(new double[] {0, 0}, new double[] {0, 0}, c));
  }

  /**
   * The histogram W2 at full evaluation size: 24^3 occupied cells a side (27 649 nodes), so the artificial cost
   * (max C + 1)(nodes + 1) is about 5e6. Certified over all 191 million pairs: dual feasible to the pricing tolerance
   * 1e-11 (max C + 1), and primal and dual value equal to 1e-12 relative. Potentials updated incrementally from the
   * artificial start kept errors near 1e-16 art in every potential: a relative gap near 1e-9.
   */
  @Test
  void certifiesTheHistogramProblemAt24CubedOccupiedCells() {
    int bins = 24;
    SplittableRandom r = new SplittableRandom(44);
    int cells = bins * bins * bins;
    int points = 40000;
    double[][] a = new double[3][points];
    double[][] b = new double[3][points];
    for (int i = 0; i < points; i++) {
      for (int k = 0; k < 3; k++) {
        if (i < cells) { // one point in every cell, the rest Gaussian
          int cell = i / (k == 0 ? bins * bins : k == 1 ? bins : 1) % bins;
          a[k][i] = (cell + 0.5) / bins * 8 - 4;
          b[k][i] = a[k][i];
        } else {
          a[k][i] = Math.max(-3.99, Math.min(3.99, r.nextGaussian()));
          b[k][i] = Math.max(-3.99, Math.min(3.99, 1.2 * r.nextGaussian() + 0.3));
        }
      }
    }
    HistogramGrid grid = HistogramGrid.box(bins, new double[] {-4, -4, -4}, new double[] {4, 4, 4});
    Histogram ha = Histogram.of(ParticleCloud.ofColumns(a), grid);
    Histogram hb = Histogram.of(ParticleCloud.ofColumns(b), grid);
    assertEquals(cells, ha.cells());
    assertEquals(cells, hb.cells());
    double[] wa = Arrays.stream(ha.counts).map(x -> x * hb.points).toArray();
    double[] wb = Arrays.stream(hb.counts).map(x -> x * ha.points).toArray();
    CostRows cost = CostRows.points(ha.centres, hb.centres, 3, grid.groundCost());
    TransportPlan plan = new ExactTransport().solve(wa, wb, cost, AffineHint.of(ha.centres, wa, hb.centres, wb, 3));
    double[] u = plan.u();
    double[] v = plan.v();
    double[] row = new double[cells];
    double maxCost = 0;
    double minReduced = Double.POSITIVE_INFINITY;
    for (int i = 0; i < cells; i++) {
      cost.fillRow(i, row);
      for (int j = 0; j < cells; j++) {
        maxCost = Math.max(maxCost, row[j]);
        minReduced = Math.min(minReduced, row[j] - u[i] - v[j]);
      }
    }
    assertTrue(minReduced >= -ExactTransport.TOLERANCE * (maxCost + 1), "dual infeasible by " + minReduced);
    double gap = (plan.cost() - plan.dualObjective(wa, wb)) / plan.cost();
    assertTrue(Math.abs(gap) < 1e-12, "relative duality gap " + gap);
  }

  /** Pair indices are ints: m n >= 2^31 is refused with a typed error before any work, not an overflow. */
  @Test
  void refusesMoreThanTwoToTheThirtyOnePairs() {
    int n = 46341; // n^2 = 2 147 488 281 > 2^31 - 1
    double[] w = new double[n];
    Arrays.fill(w, 1);
    double[] p = new double[n];
    CostRows cost = CostRows.points(p, p, 1, GroundCost.squaredEuclidean());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ExactTransport().solve(w, w, cost));
    assertTrue(e.getMessage().contains("2147488281 pairs"), e.getMessage());
  }

  /**
   * Solves and certifies: the plan read off the solved simplex's arcs has the marginals, every used arc is tight
   * (complementary slackness), the potentials are dual feasible over every pair, and primal and dual value agree.
   */
  static void assertCertificate(double[] a, double[] b, double[] c) {
    int m = a.length;
    int n = b.length;
    NetworkSimplex s = new ExactTransport().simplex(a, b, CostRows.dense(c, m, n), CostRows.dense(c, m, n));
    TransportPlan p = new ExactTransport().solve(a, b, c);
    double[] rows = new double[m];
    double[] cols = new double[n];
    double cost = 0;
    double[] u = p.u();
    double[] v = p.v();
    double scale = Arrays.stream(c).map(Math::abs).max().orElse(0) + 1;
    for (int e = 0; e < s.arcCount(); e++) {
      double mass = s.arcFlow(e);
      assertTrue(mass >= 0);
      if (mass == 0) {
        continue;
      }
      int i = s.arcSource(e);
      int j = s.arcTarget(e);
      rows[i] += mass;
      cols[j] += mass;
      cost += mass * c[i * n + j];
      assertEquals(0, c[i * n + j] - u[i] - v[j], 1e-9 * scale, "slackness on a used arc");
    }
    for (int i = 0; i < m; i++) {
      assertEquals(a[i], rows[i], 1e-12);
    }
    for (int j = 0; j < n; j++) {
      assertEquals(b[j], cols[j], 1e-12);
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        assertTrue(c[i * n + j] - u[i] - v[j] >= -1e-9 * scale, "dual infeasible at " + i + "," + j);
      }
    }
    assertEquals(cost, p.cost(), 1e-12 * Math.max(1, cost));
    assertEquals(cost, p.dualObjective(a, b), 1e-9 * Math.max(1, cost), "duality gap");
  }

  /** Masses with total {@code total}, some of them zero. */
  static double[] randomMasses(SplittableRandom r, int n, double total) {
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = r.nextInt(5) == 0 && n > 1 ? 0 : r.nextDouble();
      s += w[i];
    }
    if (s == 0) {
      w[0] = 1;
      s = 1;
    }
    for (int i = 0; i < n; i++) {
      w[i] *= total / s;
    }
    return w;
  }

  /** {@code int_0^1 |F^-1(t) - G^-1(t)|^2 dt} for two weighted 1D point sets. */
  static double quantileCost(double[] x, double[] a, double[] y, double[] b) {
    Integer[] ix = order(x);
    Integer[] iy = order(y);
    double cost = 0;
    int p = 0;
    int q = 0;
    double ra = a[ix[0]];
    double rb = b[iy[0]];
    while (p < x.length && q < y.length) {
      double move = Math.min(ra, rb);
      double dx = x[ix[p]] - y[iy[q]];
      cost += move * dx * dx;
      ra -= move;
      rb -= move;
      if (ra <= 1e-15 && ++p < x.length) {
        ra = a[ix[p]];
      }
      if (rb <= 1e-15 && ++q < y.length) {
        rb = b[iy[q]];
      }
    }
    return cost;
  }

  private static Integer[] order(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (s, t) -> Double.compare(x[s], x[t]));
    return idx;
  }
}
