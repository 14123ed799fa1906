package org.twostep.jobs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.ot.bench.OtBenchmark;
import org.twostep.common.ot.bench.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twostep bench ot}: exact assignment at n = 500..3000 in the near, same-law and far regimes,
 * histogram W2 of two 3D clouds on 24^3 bins, and Sinkhorn against the exact cost. Only prints.
 */
@Command(name = "ot", mixinStandardHelpOptions = true,
    description = "Exact assignment, histogram W2 and Sinkhorn timings (median of --repeats runs).")
public final class BenchOtCommand implements Callable<Integer> {

  @Option(names = "--sizes", split = ",", defaultValue = "500,1000,1500,3000", description = "Assignment sizes")
  int[] sizes;

  @Option(names = "--repeats", defaultValue = "7", description = "Timed runs per figure (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Instance seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--histogram-points", defaultValue = "20000", description = "Points per cloud (default ${DEFAULT-VALUE})")
  int histogramPoints;

  @Option(names = "--bins", defaultValue = "24", description = "Histogram bins per axis (default ${DEFAULT-VALUE})")
  int bins;

  @Option(names = "--sinkhorn-n", defaultValue = "1500", description = "Sinkhorn size; 0 skips (default ${DEFAULT-VALUE})")
  int sinkhornN;

  @Option(names = "--eps", split = ",", defaultValue = "0.001,0.005,0.01,0.05", description = "Relative eps values")
  double[] eps;

  @Option(names = "--sinkhorn-iterations", defaultValue = "1000", description = "Iteration cap (default ${DEFAULT-VALUE})")
  int sinkhornIterations;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    OtBenchmark bench = new OtBenchmark(warmup, repeats, seed);
    out.printf(Locale.ROOT, "%-9s %6s %10s %10s %10s %14s %12s%n", "regime", "n", "median s", "min s", "cpu s",
        "cost-matrix s", "mean cost");
    for (Regime regime : Regime.values()) {
      for (OtBenchmark.AssignmentRow r : bench.assignment(sizes, regime)) {
        out.printf(Locale.ROOT, "%-9s %6d %10.4f %10.4f %10.4f %14.4f %12.6f%n", r.regime(), r.n(), r.medianSeconds(),
            r.minSeconds(), r.medianCpuSeconds(), r.costMatrixSeconds(), r.meanCost());
        out.flush();
      }
    }
    OtBenchmark.HistogramRow h = bench.histogram(histogramPoints, bins);
    out.printf(Locale.ROOT, "histogram W2 %d points, %d^3 bins: median %.4f s, min %.4f s, cpu %.4f s, cells %d/%d, "
        + "w2sq %.6f, %.1f MB allocated per call%n", h.points(), h.bins(), h.medianSeconds(), h.minSeconds(),
        h.medianCpuSeconds(), h.cellsA(), h.cellsB(), h.w2sq(), h.allocatedMegabytes());
    out.flush();
    if (sinkhornN > 0) {
      for (OtBenchmark.SinkhornRow s : bench.sinkhorn(sinkhornN, eps, sinkhornIterations)) {
        out.printf(Locale.ROOT, "sinkhorn n=%d eps=%.3f: %.2f s (median of %d after the first, which took %.2f s), "
            + "%d iterations%s, cost %.6f, exact %.6f, gap %.2f%%,"
            + " %.1f MB allocated (exact assignment %.1f MB, cost matrix %.1f MB kept by both)%n",
            s.n(), s.eps(), s.seconds(), repeats, s.firstSeconds(), s.iterations(),
            s.converged() ? "" : " (cap, not converged)", s.cost(),
            s.exactCost(), 100 * (s.cost() - s.exactCost()) / s.exactCost(), s.allocatedMegabytes(),
            s.exactAllocatedMegabytes(), 8e-6 * s.n() * s.n());
        out.flush();
      }
    }
    return 0;
  }
}
