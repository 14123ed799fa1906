package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.training.deepparticle.DpBenchmark;
import org.twostep.training.deepparticle.DpConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep bench dp}: corrector Adam steps/s at batch N, and the whole Stage II loop at (N, K) with the time
 * per round split into generator draws, coupling and Adam steps, with the coupling in line and overlapped. Only
 * prints.
 */
@Command(name = "dp", mixinStandardHelpOptions = true,
    description = "Stage II corrector throughput: steps/s and the time split per DP round (generator, coupling, Adam).")
public final class BenchDpCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "Experiment file (default: reference.conf)")
  Path config;

  @Option(names = "--batch", split = ",", defaultValue = "1500", description = "Batch sizes N (default ${DEFAULT-VALUE})")
  int[] batches;

  @Option(names = "--refresh", split = ",", defaultValue = "50", description = "Refresh periods K (default ${DEFAULT-VALUE})")
  int[] refresh;

  @Option(names = "--dim", defaultValue = "3", description = "Data dimension (default ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--steps", defaultValue = "1000", description = "Timed Adam steps per run (default ${DEFAULT-VALUE})")
  int steps;

  @Option(names = "--repeats", defaultValue = "3", description = "Runs per setting; the median is printed (default ${DEFAULT-VALUE})")
  int repeats;

  @CommandLine.Parameters(paramLabel = "key=value", arity = "0..*", description = "Overrides, e.g. dp.beta=1")
  List<String> overrides = new java.util.ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Config c = config != null ? ConfigLoader.load(config, null, overrides)
        : com.typesafe.config.ConfigFactory.parseString(String.join("\n", overrides))
            .withFallback(ConfigLoader.defaults()).resolve();
    DpBenchmark bench = new DpBenchmark(ModelConfig.from(c), MeanFlowConfig.from(c), DpConfig.from(c),
        TrainingConfig.from(c), dim);
    PrintWriter out = spec.commandLine().getOut();
    for (int n : batches) {
      bench.steps(n, 50, 50);
      print(out, median(() -> bench.steps(n, 20, Math.min(steps, 500))));
      for (int k : refresh) {
        for (boolean overlap : new boolean[] {false, true}) {
          print(out, median(() -> bench.loop(n, k, overlap, steps)));
        }
      }
    }
    return 0;
  }

  private DpBenchmark.Row median(java.util.function.Supplier<DpBenchmark.Row> run) {
    List<DpBenchmark.Row> rows = new java.util.ArrayList<>();
    for (int r = 0; r < Math.max(1, repeats); r++) {
      rows.add(run.get());
    }
    rows.sort(java.util.Comparator.comparingDouble(DpBenchmark.Row::stepsPerSecond));
    return rows.get(rows.size() / 2);
  }

  private static void print(PrintWriter out, DpBenchmark.Row r) {
    if (r.k() == 0) {
      out.printf(Locale.ROOT, "dp %s N=%d: %.1f steps/s (%.2f ms per Adam step)%n", r.label(), r.n(),
          r.stepsPerSecond(), r.gradientMsPerStep());
    } else {
      double round = r.generatorMsPerRound() + r.couplingMsPerRound() + r.k() * r.gradientMsPerStep();
      out.printf(Locale.ROOT, "dp %s N=%d K=%d: %.1f steps/s over %d steps; per round %.1f ms = generator %.1f"
              + " + coupling %.1f + %d Adam steps %.1f (%.2f ms each)%n", r.label(), r.n(), r.k(), r.stepsPerSecond(),
          r.steps(), round, r.generatorMsPerRound(), r.couplingMsPerRound(), r.k(), r.k() * r.gradientMsPerStep(),
          r.gradientMsPerStep());
    }
    out.flush();
  }
}
