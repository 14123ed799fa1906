package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.jobs.pipeline.Models;
import org.twostep.jobs.sample.SampleWriter;
import org.twostep.jobs.sample.Surrogate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep sample --run DIR --model M --sigma S[,S...] --n N [--seed K] --out FILE}: a trained model's cloud at
 * any sigma, written as it is drawn (Parquet, CSV, or a hive-partitioned directory). Without {@code --seed} it uses
 * the seed of {@code generate}, so a test sigma with the reference's n repeats {@code DIR/generated/}.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Sample a trained model at any sigma into a Parquet or CSV file or a hive-partitioned directory.")
public final class SampleCommand implements Callable<Integer> {
  @CommandLine.Mixin RunOptions options;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "meanflow | meanflow_2step | meanflow_dp | meanflow_dp_sinkhorn_EPS | imm")
  String model;

  @Option(names = "--sigma", required = true, split = ",", paramLabel = "S", description = "Sigma values (> 0)")
  List<Double> sigma = new ArrayList<>();

  @Option(names = "--n", required = true, paramLabel = "N", description = "Particles per sigma")
  long n;

  @Option(names = "--seed", paramLabel = "K", description = "Seed (default: the seed `generate` used for this model)")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "*.parquet, *.csv, or a directory (URI) for a hive-partitioned table")
  String out;

  @Option(names = "--piece", paramLabel = "P",
      description = "Particles drawn and written at a time (default ${DEFAULT-VALUE}; bounds memory)")
  int piece = Surrogate.DEFAULT_PIECE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    double[] sigmas = sigma.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    for (double s : sigmas) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new InvalidConfigException("--sigma", s, "a positive finite number");
      }
    }
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new InvalidConfigException("--n", n, "a number of particles in 1.." + Integer.MAX_VALUE);
    }
    if (piece < 1) {
      throw new InvalidConfigException("--piece", piece, "a positive number of particles");
    }
    if (!options.storage().exists("")) {
      throw new InvalidInputException("run directory " + options.storage().label() + " does not exist");
    }
    Models.Choice choice = Models.choose(model, "--model");
    options.storage().pull("models");
    checkTrained(choice);
    Config c = options.load();
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    try (Surrogate s = Surrogate.open(options.run(), model, c)) {
      double load = (System.nanoTime() - t0) * 1e-9;
      long k = seed != null ? seed : s.generateSeed();
      double[] range = s.trainingRange();
      for (double x : sigmas) {
        if (!s.inTrainingRange(x)) {
          err.printf(Locale.ROOT, "twostep sample: warning: sigma = %s is outside the training range [%s, %s] of %s: "
              + "extrapolation (in_training_range = false)%n", num(x), num(range[0]), num(range[1]), model);
        }
      }
      err.flush();
      List<SampleWriter.SigmaTime> times = SampleWriter.write(s, sigmas, n, k, piece, out, hadoop());
      double total = 0;
      for (SampleWriter.SigmaTime t : times) {
        total += t.seconds();
        o.printf(Locale.ROOT, "sample %s %s sigma=%s: %d particles in %.2f s (%.0f particles/s)%n", model,
            s.experiment(), num(t.sigma()), t.particles(), t.seconds(), t.particles() / t.seconds());
      }
      long all = n * sigmas.length;
      o.printf(Locale.ROOT, "sample %s %s: %d particles at %d sigma in %.2f s (%.0f particles/s, sampling and "
          + "writing; model load %.2f s; seed %d) -> %s%n", model, s.experiment(), all, sigmas.length, total,
          all / total, load, k, out);
    }
    o.flush();
    return 0;
  }

  /** Hadoop file systems for the output; local files without the {@code .crc} sidecars of the checksummed one. */
  private static org.apache.hadoop.conf.Configuration hadoop() {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    conf.setClass("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class, org.apache.hadoop.fs.FileSystem.class);
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /** An untrained model is bad input naming the models the run has. */
  private void checkTrained(Models.Choice choice) {
    Path models = options.run().resolve("models");
    if (Files.isDirectory(models.resolve(choice.stored()))) {
      return;
    }
    List<String> trained = new ArrayList<>();
    if (Files.isDirectory(models)) {
      try (Stream<Path> dirs = Files.list(models)) {
        dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(trained::add);
      } catch (java.io.IOException e) {
        throw new InvalidInputException("cannot list " + models + ": " + e.getMessage(), e);
      }
    }
    throw new InvalidInputException("model " + model + " is not trained in run " + options.storage().label() + " (trained: "
        + (trained.isEmpty() ? "none; run `twostep pipeline` or `twostep train` first" : String.join(", ", trained))
        + ")");
  }

  private static String num(double v) {
    return org.twostep.evaluation.report.MetricTable.sigma(v);
  }
}
