package org.twostep.common.ot;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import com.google.ortools.graph.MinCostFlow;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Not a test: the OR-Tools side of {@code twostep bench ot}, run by hand with the test classpath
 * ({@code java -cp ... org.twostep.common.ot.OrToolsBaseline 1500}). Costs are scaled to integers
 * with max entry 1e9 and rounded; the optimal value is then within n * 0.5e-9 * max C of the float
 * optimum (each of the n used entries moves by at most half a unit).
 */
public final class OrToolsBaseline {
  private OrToolsBaseline() {}

  public static void main(String[] args) {
    Loader.loadNativeLibraries();
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
    SplittableRandom r = new SplittableRandom(1);
    double[] x = Clouds.gaussian(r, n, 1, 1, 1);
    String[] names = {"near", "same-law", "far"};
    double[][] ys = {Clouds.nearIdentity(r, x, 3, 0.05), Clouds.gaussian(r, n, 1.05, 0.95, 1), Clouds.ball(r, n, 2, 0, 0)};
    for (int t = 0; t < 3; t++) {
      double[] c = CostMatrices.squaredEuclidean(x, ys[t], 3);
      double max = Arrays.stream(c).max().orElse(1);
      double scale = 1e9 / max;
      double[] lsa = new double[5];
      double[] mcf = new double[5];
      double[] jv = new double[5];
      double lsaCost = 0;
      double jvCost = 0;
      for (int rep = 0; rep < 5; rep++) {
        long t0 = System.nanoTime();
        LinearSumAssignment a = new LinearSumAssignment();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a.addArcWithCost(i, j, Math.round(c[i * n + j] * scale));
          }
        }
        a.solve();
        lsaCost = a.getOptimalCost() / scale / n;
        lsa[rep] = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        MinCostFlow f = new MinCostFlow();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            f.addArcWithCapacityAndUnitCost(i, n + j, 1, Math.round(c[i * n + j] * scale));
          }
          f.setNodeSupply(i, 1);
          f.setNodeSupply(n + i, -1);
        }
        f.solve();
        mcf[rep] = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        jvCost = new JonkerVolgenant().solve(c, n).cost() / n;
        jv[rep] = (System.nanoTime() - t0) / 1e9;
      }
      Arrays.sort(lsa);
      Arrays.sort(mcf);
      Arrays.sort(jv);
      System.out.printf(Locale.ROOT, "%-8s n=%d  OR-Tools LSA %.3f s (min %.3f), MinCostFlow %.3f s (min %.3f), "
          + "JV %.4f s (min %.4f); mean cost %.9f vs %.9f%n",
          names[t], n, lsa[2], lsa[0], mcf[2], mcf[0], jv[2], jv[0], lsaCost, jvCost);
    }
  }
}
