package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.simulation.bench.KsKernelBenchmark;
import org.twostep.simulation.bench.TaskTimer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep bench simulate}: the KS pair-sum throughput (pair interactions per second at P particles, per
 * thread count) and, with {@code --task}, the wall time of one full task of each named experiment. Only prints.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "KS pair-sum throughput (pairs/s) and full-task wall times of the particle systems.")
public final class BenchSimulateCommand implements Callable<Integer> {

  @Option(names = "--particles", defaultValue = "10000", description = "P for the pair-sum benchmark (default ${DEFAULT-VALUE})")
  int particles;

  @Option(names = "--threads", split = ",", paramLabel = "N", description = "Thread counts (default: 1 and all cores)")
  int[] threads;

  @Option(names = "--dims", split = ",", defaultValue = "3,4", description = "KS dimensions (default ${DEFAULT-VALUE})")
  int[] dims;

  @Option(names = "--warmup", defaultValue = "5", description = "Untimed drift evaluations first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "20", description = "Timed drift evaluations (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--task", paramLabel = "FILE", description = "Also time one full task of this experiment file (repeatable)")
  List<Path> tasks = new ArrayList<>();

  @Option(names = "--profile", defaultValue = "paper", description = "Profile of the --task files (default ${DEFAULT-VALUE})")
  String profile;

  @Option(names = "--sigma", description = "Task sigma (default: 200 for KS, D = 0.25 for KPP)")
  Double sigma;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int cores = Runtime.getRuntime().availableProcessors();
    int[] counts = threads != null ? threads : (cores > 1 ? new int[] {1, cores} : new int[] {1});
    KsKernelBenchmark bench = new KsKernelBenchmark(particles, warmup, repeats);
    for (int dim : dims) {
      for (KsKernelBenchmark.Figure f : bench.run(dim, counts)) {
        out.printf(Locale.ROOT, "ks pair sum  %-14s d=%d P=%d threads=%d: %.3e pairs/s, %.4f s per step "
            + "(%.3e pairs per CPU-second)%n",
            f.kernel(), f.dim(), f.particles(), f.threads(), f.pairsPerSecond(), f.secondsPerStep(), f.pairsPerCpuSecond());
        out.flush();
      }
    }
    for (Path file : tasks) {
      Config config = ConfigLoader.load(file, profile, List.of());
      double s = sigma != null ? sigma : config.getString("experiment.system").equals("kpp") ? 0.25 : 200.0;
      TaskTimer.Timing t = TaskTimer.time(config, s, cores);
      out.printf(Locale.ROOT, "task %s (%s) sigma=%s: %d particles in %.2f s on %d threads%n",
          t.experiment(), profile, t.sigma(), t.particles(), t.seconds(), cores);
      out.flush();
    }
    return 0;
  }
}
