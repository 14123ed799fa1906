package org.twostep.common.ot.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.ot.Assignment;
import org.twostep.common.ot.AssignmentSolver;
import org.twostep.common.ot.CostMatrices;
import org.twostep.common.ot.JonkerVolgenant;
import org.twostep.common.ot.Sinkhorn;
import org.twostep.common.ot.SinkhornPlan;
import org.twostep.common.ot.W2Result;
import org.twostep.common.ot.Wasserstein;
import org.twostep.common.rng.Seeds;

/**
 * The figures of {@code twostep bench ot}: exact assignment in the three regimes Stage II meets,
 * histogram W2 between two clouds, and Sinkhorn against the exact cost. Instances are seeded; each
 * figure is the median of {@code repeats} timed runs after {@code warmup} untimed ones. Returns
 * rows, never prints.
 */
public final class OtBenchmark {
  private final int warmup;
  private final int repeats;
  private final long seed;

  public OtBenchmark(int warmup, int repeats, long seed) {
    if (warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException("need warmup >= 0 and repeats >= 1");
    }
    this.warmup = warmup;
    this.repeats = repeats;
    this.seed = seed;
  }

  /**
   * One assignment figure: solve-time median and minimum (wall), median thread CPU time (steadier
   * on a shared machine), cost-matrix time, mean cost.
   */
  public record AssignmentRow(Regime regime, int n, double medianSeconds, double minSeconds, double medianCpuSeconds,
      double costMatrixSeconds, double meanCost) {}

  /** One histogram W2 figure, binning included; bytes allocated per call as the memory figure. */
  public record HistogramRow(int points, int bins, double medianSeconds, double minSeconds, double medianCpuSeconds,
      int cellsA, int cellsB, double w2sq, double allocatedMegabytes) {}

  /**
   * One Sinkhorn figure: seconds (the median of the timed solves after the first, as a training meets it, coupling
   * after coupling, and the first alone, which includes compiling the solver), iterations, convergence, the gap to
   * the exact mean cost, and memory: megabytes allocated by a solve (in place, as the coupling solves) beside those of
   * the exact assignment on the same cost matrix (which both keep: the Sinkhorn's kernel and plan live in it).
   */
  public record SinkhornRow(int n, double eps, double seconds, double firstSeconds, int iterations, boolean converged,
      double cost, double exactCost, double allocatedMegabytes, double exactAllocatedMegabytes) {}

  public List<AssignmentRow> assignment(int[] sizes, Regime... regimes) {
    AssignmentSolver solver = new JonkerVolgenant();
    List<AssignmentRow> rows = new ArrayList<>();
    for (Regime regime : regimes) {
      for (int n : sizes) {
        double[][] pair = regime.sample(n, Seeds.stream(seed, Seeds.coordinate("bench-ot"), regime.ordinal(), n));
        long t0 = System.nanoTime();
        double[] cost = CostMatrices.squaredEuclidean(pair[0], pair[1], 3);
        double costSeconds = (System.nanoTime() - t0) / 1e9;
        Assignment[] last = new Assignment[1];
        double[][] times = time(() -> last[0] = solver.solve(cost, n));
        rows.add(new AssignmentRow(regime, n, median(times[0]), times[0][0], median(times[1]), costSeconds,
            last[0].cost() / n));
      }
    }
    return rows;
  }

  public HistogramRow histogram(int points, int bins) {
    SplittableRandom rng = Seeds.stream(seed, Seeds.coordinate("bench-ot-histogram"), points);
    double[][] pair = Regime.SAME_LAW.sample(points, rng);
    ParticleCloud a = ParticleCloud.ofRowMajor(3, pair[0]);
    ParticleCloud b = ParticleCloud.ofRowMajor(3, pair[1]);
    W2Result[] last = new W2Result[1];
    double[][] times = time(() -> last[0] = Wasserstein.histogram(a, b, bins, 0.05));
    long before = allocatedBytes();
    Wasserstein.histogram(a, b, bins, 0.05);
    double megabytes = (allocatedBytes() - before) / 1e6;
    return new HistogramRow(points, bins, median(times[0]), times[0][0], median(times[1]), last[0].cellsA(),
        last[0].cellsB(), last[0].w2sq(), megabytes);
  }

  /**
   * Sinkhorn on the same-law regime at n points, capped at {@code maxIterations}, tolerance 1e-6: per eps a first
   * solve, then {@code repeats} timed ones (their median is the figure).
   */
  public List<SinkhornRow> sinkhorn(int n, double[] epsilons, int maxIterations) {
    double[][] pair = Regime.SAME_LAW.sample(n, Seeds.stream(seed, Seeds.coordinate("bench-ot-sinkhorn"), n));
    double[] cost = CostMatrices.squaredEuclidean(pair[0], pair[1], 3);
    long before = allocatedBytes();
    double exact = new JonkerVolgenant().solve(cost, n).cost() / n;
    double exactMegabytes = (allocatedBytes() - before) / 1e6;
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    Sinkhorn sinkhorn = new Sinkhorn(maxIterations, 1e-6);
    List<SinkhornRow> rows = new ArrayList<>();
    for (double eps : epsilons) {
      double[] seconds = new double[repeats + 1];
      double megabytes = 0;
      SinkhornPlan p = null;
      for (int r = 0; r <= repeats; r++) {
        double[] buffer = cost.clone(); // as the coupling refills its buffer: the in-place solve overwrites it
        long bytes = allocatedBytes();
        long t0 = System.nanoTime();
        p = sinkhorn.solveInPlace(w, w, buffer, eps);
        seconds[r] = (System.nanoTime() - t0) / 1e9;
        megabytes = (allocatedBytes() - bytes) / 1e6;
      }
      double[] timed = Arrays.copyOfRange(seconds, 1, seconds.length);
      Arrays.sort(timed);
      rows.add(new SinkhornRow(n, eps, median(timed), seconds[0], p.iterations(), p.converged(), p.cost(), exact,
          megabytes, exactMegabytes));
    }
    return rows;
  }

  /** {wall seconds, thread CPU seconds}, each sorted. */
  private double[][] time(Runnable task) {
    for (int i = 0; i < warmup; i++) {
      task.run();
    }
    var threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      task.run();
      wall[i] = (System.nanoTime() - t0) / 1e9;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[][] {wall, cpu};
  }

  private static double median(double[] sorted) {
    int k = sorted.length;
    return k % 2 == 1 ? sorted[k / 2] : 0.5 * (sorted[k / 2 - 1] + sorted[k / 2]);
  }

  private static long allocatedBytes() {
    var bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }
}
