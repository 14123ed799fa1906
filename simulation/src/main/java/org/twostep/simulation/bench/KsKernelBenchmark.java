package org.twostep.simulation.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.twostep.simulation.ks.BallSampler;
import org.twostep.simulation.ks.PairKernel;
import org.twostep.simulation.ks.SymmetricPairSum;
import org.twostep.simulation.parallel.BlockRunner;

/**
 * Throughput of the KS pair sum (SPEC §1.1's hot loop) at P particles: pair interactions per second and seconds
 * per drift evaluation (one Euler step's O(P^2) work), per thread count, for the simulation's kernel (each pair
 * once, {@link SymmetricPairSum}) beside the direct kernel it replaced ({@link PairKernel}, every ordered pair).
 * The two alternate evaluation by evaluation so background load hits both alike. "Pairs" are the P^2 ordered pairs
 * of the sum, whichever way they are computed (effective pairs). A plain class so the CLI and tests can run it;
 * warm-up passes let the JIT compile the Vector API kernels first. Returns figures, never prints.
 */
public final class KsKernelBenchmark {

  /**
   * One measurement.
   *
   * @param kernel {@code each-pair-once} (the simulation's) or {@code direct} (the previous kernel)
   * @param dim space dimension
   * @param particles P
   * @param threads threads used
   * @param pairsPerSecond P^2 per evaluation over its mean wall time
   * @param secondsPerStep mean wall time of one drift evaluation
   * @param pairsPerCpuSecond P^2 per evaluation over the process CPU time it took (NaN if the JVM cannot tell):
   *     the per-core rate, unaffected by other processes competing for the cores
   */
  public record Figure(String kernel, int dim, int particles, int threads, double pairsPerSecond, double secondsPerStep,
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

  /** Targets per parallel block of the direct kernel (as it ran in the simulation). */
  private static final int DIRECT_BLOCK = 64;

  /** One way to compute the pair sums of all particles. */
  private interface Kernel {
    void sum(float[][] pos, BlockRunner runner, float[][] out);
  }

  /** Measures both pair sums in {@code dim} dimensions for each thread count. */
  public List<Figure> run(int dim, int... threadCounts) {
    double[][] x = BallSampler.sample(particles, dim, new SplittableRandom(2025));
    float[][] pos = new float[dim][particles];
    for (int k = 0; k < dim; k++) {
      for (int p = 0; p < particles; p++) {
        pos[k][p] = (float) x[k][p];
      }
    }
    float delta2 = 0.05f * 0.05f;
    float[][] sums = new float[dim][particles];
    SymmetricPairSum symmetric = new SymmetricPairSum(dim, particles);
    Kernel once = (p, r, o) -> symmetric.sum(p, delta2, r, o);
    Kernel direct = (p, r, o) -> r.run((particles + DIRECT_BLOCK - 1) / DIRECT_BLOCK,
        b -> PairKernel.sum(p, particles, delta2, b * DIRECT_BLOCK, Math.min(particles, (b + 1) * DIRECT_BLOCK), o));
    String[] names = {"each-pair-once", "direct"};
    Kernel[] kernels = {once, direct};
    List<Figure> figures = new ArrayList<>();
    for (int threads : threadCounts) {
      try (BlockRunner runner = new BlockRunner(threads)) {
        for (int i = 0; i < warmup; i++) {
          for (Kernel k : kernels) {
            k.sum(pos, runner, sums);
          }
        }
        long[] wall = new long[kernels.length];
        long[] cpu = new long[kernels.length];
        for (int i = 0; i < repeats; i++) {
          for (int j = 0; j < kernels.length; j++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            kernels[j].sum(pos, runner, sums);
            wall[j] += System.nanoTime() - start;
            cpu[j] += processCpuNanos() - cpuStart;
          }
        }
        double pairs = (double) particles * particles;
        for (int j = 0; j < kernels.length; j++) {
          double seconds = wall[j] * 1e-9 / repeats;
          double cpuSeconds = cpu[j] * 1e-9 / repeats;
          figures.add(new Figure(names[j], dim, particles, threads, pairs / seconds, seconds,
              processCpuNanos() < 0 ? Double.NaN : pairs / cpuSeconds));
        }
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
