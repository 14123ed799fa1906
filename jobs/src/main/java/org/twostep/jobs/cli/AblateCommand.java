package org.twostep.jobs.cli;

import org.twostep.common.provenance.CodeVersion;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.rng.Seeds;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.metrics.EvalTask;
import org.twostep.evaluation.metrics.MetricComputation;
import org.twostep.evaluation.metrics.MetricContext;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.jobs.pipeline.Models;
import org.twostep.jobs.pipeline.RunLayout;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.pipeline.RunLayoutPaths;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.TrainingConfig;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.TrainingInput;
import org.twostep.training.data.TrainingData;
import org.twostep.training.deepparticle.DeepParticleTrainer;
import org.twostep.training.deepparticle.DpConfig;
import org.twostep.training.deepparticle.DpResult;
import org.twostep.training.generate.FiniteCheck;
import org.twostep.training.generate.Generator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep ablate --config FILE --param dp.batch_size=1500,2000,2500 --param dp.refresh_every=5,25,50,100}: the
 * paper's Table 1. Each {@code --param} is swept alone with every other key at the configuration's value (the
 * paper's one-at-a-time sweeps; {@code --grid} takes the Cartesian product). Every setting trains its own corrector
 * on the stored MeanFlow model into {@code DIR/ablate/<setting>/} (skipped when already finished with the same
 * config), then scores it at every test sigma with the evaluation metric against the test split, and records the
 * training wall time and the peak resident memory of the training (Linux VmHWM, reset before each setting).
 * Writes {@code DIR/ablate/ablation.csv} (merged with other settings recorded there) and prints a table: sigma
 * down, settings across.
 */
@Command(name = "ablate", mixinStandardHelpOptions = true,
    description = "Train one corrector per setting of the swept dp.* keys; W2 per test sigma, wall time, peak memory.")
public final class AblateCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment file (HOCON)")
  Path config;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile inside the file: quick | paper")
  String profile;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: experiment.out)")
  String out;

  @Option(names = "--param", required = true, paramLabel = "KEY=V1,V2,...", description = "A swept key and its values")
  List<String> params = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress bars or progress lines (the summaries still print).")
  boolean quiet;

  @Option(names = "--grid", description = "Cartesian product of the --param values instead of one-at-a-time sweeps")
  boolean grid;

  @CommandLine.Parameters(paramLabel = "key=value", arity = "0..*", description = "Overrides for every setting")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<List<String>> settings = settings();
    PrintWriter pw = spec.commandLine().getOut();
    Map<String, Result> results = new LinkedHashMap<>();
    Path root = null;
    RunStorage storage = null;
    for (List<String> setting : settings) {
      List<String> all = new ArrayList<>(overrides);
      all.addAll(setting);
      Config c = ConfigLoader.load(config, profile, all);
      DpConfig.from(c);
      RunLayout layout = new RunLayout(out != null ? out : c.getString("experiment.out"));
      if (storage == null) { // the frozen MeanFlow and earlier settings, in the working copy
        storage = RunStorage.open(layout.root());
        storage.pull("models", "ablate");
      }
      root = storage.local().resolve("ablate");
      String name = String.join(",", setting);
      pw.printf(Locale.ROOT, "ablate %s: training%n", name);
      pw.flush();
      Result r;
      try (ProgressDisplay progress = ProgressDisplay.open("ablate " + name, "steps", quiet, pw)) {
        r = run(c, storage, root.resolve(name.isEmpty() ? "base" : name), progress);
      } finally {
        storage.push("ablate");
      }
      results.put(name, r);
      pw.printf(Locale.ROOT, "ablate %s: %s in %.1f s, peak RSS %.0f MB, %d unconverged solve(s)%n", name,
          r.skipped ? "already trained" : r.steps + " steps", r.seconds, r.peakMb, r.unconverged);
      pw.flush();
    }
    write(root.resolve("ablation.csv"), results);
    storage.push("ablate");
    print(pw, results);
    return 0;
  }

  /** The settings: one list of key=value overrides each. */
  private List<List<String>> settings() {
    List<String[]> swept = new ArrayList<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new InvalidConfigException("--param", p, "KEY=V1,V2,... e.g. dp.batch_size=1500,2000");
      }
      swept.add(new String[] {p.substring(0, eq).trim(), p.substring(eq + 1)});
    }
    List<List<String>> out = new ArrayList<>();
    if (grid) {
      out.add(new ArrayList<>());
      for (String[] s : swept) {
        List<List<String>> next = new ArrayList<>();
        for (List<String> prefix : out) {
          for (String v : s[1].split(",")) {
            List<String> l = new ArrayList<>(prefix);
            l.add(s[0] + "=" + v.trim());
            next.add(l);
          }
        }
        out = next;
      }
    } else {
      for (String[] s : swept) {
        for (String v : s[1].split(",")) {
          List<String> one = List.of(s[0] + "=" + v.trim());
          if (!out.contains(one)) {
            out.add(one);
          }
        }
      }
    }
    return out;
  }

  private static Result run(Config c, RunStorage storage, Path dir, ProgressDisplay progress) {
    RunLayoutPaths paths = RunLayoutPaths.of(storage);
    String particles = new RunLayout(storage.location()).particles(); // read with Spark where the run lives
    SigmaCatalogue sigma = SigmaCatalogue.from(c);
    String experiment = c.getString("experiment.name");
    int dim = c.getInt("experiment.dim");
    String hash = Models.hash(c, Models.MEANFLOW_DP);
    PeakMemory.reset();
    DpResult trained;
    try (TrainingData data = TrainingInput.readTrain(Sessions.get(), particles, experiment, dim,
        sigma.train().values()).data(); Generator prior = Models.openInFrame(c, paths, Models.MEANFLOW, 1)) {
      trained = new DeepParticleTrainer(DpConfig.from(c), ModelConfig.from(c), TrainingConfig.from(c),
          Models.trainingSeed(c), Models.torusLength(c)).train(prior, Models.inMeanFlowFrame(paths, data), dir, hash, Integer.MAX_VALUE, progress);
    }
    double peak = PeakMemory.megabytes();
    double[] test = sigma.test().values();
    List<MetricRow> rows = new ArrayList<>();
    EvaluateConfig eval = EvaluateConfig.from(c);
    long seedRoot = Seeds.derive(c.getLong("experiment.seed"), Seeds.coordinate(experiment));
    MetricContext mc = new MetricContext(experiment, hash, CodeVersion.get(), seedRoot);
    long seed = Seeds.derive(Models.trainingSeed(c), Seeds.coordinate("ablate"));
    try (TrainingData ref = TrainingInput.read(Sessions.get(), particles, experiment, dim, "test", test).data();
        Generator g = Models.corrected(c, paths, dir)) {
      double[] found = ref.sigmas();
      for (int i = 0; i < found.length; i++) {
        ParticleCloud reference = cloud(ref, i, dim);
        ParticleCloud generated = ParticleCloud.ofColumns(widen(FiniteCheck.generated(
            g.generate(found[i], reference.size(), seed), experiment, Models.MEANFLOW_DP + " (" + dir + ")", found[i])));
        rows.add(MetricComputation.measure(eval, mc, new EvalTask(Models.MEANFLOW_DP, found[i], sigma.indexOf(found[i])),
            sigma.inTrainingRange(found[i]), reference, generated));
      }
    }
    return new Result(rows, trained.skipped(), trained.card().stepsDone(), trained.card().trainingSeconds(), peak,
        trained.corrector().times().unconverged());
  }

  private static ParticleCloud cloud(TrainingData data, int group, int dim) {
    int n = data.count(group);
    float[] rows = new float[n * dim];
    for (int i = 0; i < n; i++) {
      data.copyRow(group, i, rows, i * dim);
    }
    return ParticleCloud.ofRowMajor(dim, rows);
  }

  private static double[][] widen(float[][] cols) {
    double[][] out = new double[cols.length][];
    for (int k = 0; k < cols.length; k++) {
      out[k] = new double[cols[k].length];
      for (int i = 0; i < cols[k].length; i++) {
        out[k][i] = cols[k][i];
      }
    }
    return out;
  }

  /** Writes the rows of this run, keeping the rows of other settings an earlier run recorded. */
  private static void write(Path file, Map<String, Result> results) {
    StringBuilder sb = new StringBuilder(
        "setting,sigma,in_training_range,metric,w2sq,w2,train_seconds,steps,peak_rss_mb,unconverged_solves\n");
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int end = line.indexOf("\",");
          if (line.startsWith("\"") && end > 0 && !results.containsKey(line.substring(1, end))) {
            sb.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    results.forEach((name, r) -> {
      for (MetricRow m : r.rows) {
        sb.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,%.6g,%.6g,%.1f,%d,%.0f,%d%n", name, m.sigma(),
            m.inTrainingRange(), m.metric(), m.w2sq(), m.w2(), r.seconds, r.steps, r.peakMb, r.unconverged));
      }
    });
    org.twostep.common.io.AtomicFiles.writeString(file, sb.toString());
  }

  private static void print(PrintWriter pw, Map<String, Result> results) {
    List<String> names = new ArrayList<>(results.keySet());
    pw.print("| sigma |");
    names.forEach(n -> pw.print(" " + n + " |"));
    pw.println();
    pw.println("|---|" + "---|".repeat(names.size()));
    List<MetricRow> first = results.get(names.get(0)).rows;
    for (int i = 0; i < first.size(); i++) {
      pw.printf(Locale.ROOT, "| %s%s |", first.get(i).sigma(), first.get(i).inTrainingRange() ? "" : " (extrap.)");
      for (String n : names) {
        List<MetricRow> rows = results.get(n).rows;
        pw.printf(Locale.ROOT, " %.4f |", i < rows.size() ? rows.get(i).w2sq() : Double.NaN);
      }
      pw.println();
    }
    pw.print("| time (s) |");
    names.forEach(n -> pw.printf(Locale.ROOT, " %.1f |", results.get(n).seconds));
    pw.println();
    pw.print("| peak RSS (MB) |");
    names.forEach(n -> pw.printf(Locale.ROOT, " %.0f |", results.get(n).peakMb));
    pw.println();
    pw.print("| unconverged solves |");
    names.forEach(n -> pw.printf(Locale.ROOT, " %d |", results.get(n).unconverged));
    pw.println();
    pw.flush();
  }

  private record Result(List<MetricRow> rows, boolean skipped, int steps, double seconds, double peakMb,
      int unconverged) {}

  /** Peak resident memory of this process (Linux): VmHWM, reset through /proc/self/clear_refs. NaN elsewhere. */
  private static final class PeakMemory {
    private PeakMemory() {}

    static void reset() {
      try {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      } catch (IOException | UnsupportedOperationException e) {
        // not Linux, or not permitted: the peak then covers the whole process
      }
    }

    static double megabytes() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
          }
        }
      } catch (IOException | NumberFormatException e) {
        return Double.NaN;
      }
      return Double.NaN;
    }
  }
}
