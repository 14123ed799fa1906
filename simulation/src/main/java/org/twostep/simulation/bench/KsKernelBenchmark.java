package org.twostep.simulation.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twostep.simulation.ks.BallSampler;
import org.twostep.simulation.ks.ChemotacticDrift;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * Throughput of the KS pair sum (SPEC §1.1's hot loop) at P particles: pair interactions per second and seconds
 * per drift evaluation (one Euler step's O(P^2) work), per thread count. A plain class so the CLI and tests can
 * run it; warm-up passes let the JIT compile the Vector API kernel first. Returns figures, never prints.
 */
public final class KsKernelBenchmark {

  /**
   * One measurement.
   *
   * @param dim space dimension
   * @param particles P
   * @param threads threads used
   * @param pairsPerSecond P^2 per evaluation over its mean wall time
   * @param secondsPerStep mean wall time of one drift evaluation
   * @param pairsPerCpuSecond P^2 per evaluation over the process CPU time it took (NaN if the JVM cannot tell):
   *     the per-core rate, unaffected by other processes competing for the cores
   */
  public record Figure(int dim, int particles, int threads, double pairsPerSecond, double secondsPerStep,
      double pairsPerCpuSecond) {}

  private final int particles;
  private final int warmup;
  private final int repeats;

  /**
   * @param particles P
   * @param warmup untimed evaluations before measuring
   * @param repeats timed evaluations
   */
  public KsKernelBenchmark(int particles, int warmup, int repeats) {
    if (particles < 2 || warmup < 0 || repeats < 1) {
      throw new IllegalArgumentException("need particles >= 2, warmup >= 0, repeats >= 1");
    }
    this.particles = particles;
    this.warmup = warmup;
    this.repeats = repeats;
  }

  /** Measures the pair sum in {@code dim} dimensions for each thread count. */
  public List<Figure> run(int dim, int... threadCounts) {
    double[][] x = BallSampler.sample(particles, dim, new SplittableRandom(2025));
    double[][] drift = new double[dim][particles];
    ChemotacticDrift kernel = new ChemotacticDrift(dim, particles, 1.0, 200.0, 0.05);
    List<Figure> figures = new ArrayList<>();
    for (int threads : threadCounts) {
      try (BlockRunner runner = new BlockRunner(threads)) {
        for (int i = 0; i < warmup; i++) {
          kernel.compute(x, drift, runner);
        }
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
          kernel.compute(x, drift, runner);
        }
        double seconds = (System.nanoTime() - start) * 1e-9 / repeats;
        double cpuSeconds = (processCpuNanos() - cpuStart) * 1e-9 / repeats;
        double pairs = (double) particles * particles;
        figures.add(new Figure(dim, particles, threads, pairs / seconds, seconds,
            cpuStart < 0 ? Double.NaN : pairs / cpuSeconds));
      }
    }
    return figures;
  }

  /** CPU time of the whole process (all threads), or -1 where the platform bean does not report it. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }
}
