package org.twostep.jobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.twostep.jobs.spark.CompletionMarker;
import org.twostep.jobs.spark.ParticleTables;
import org.twostep.jobs.spark.PartitionPublisher;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.TrainingInput;
import org.twostep.training.data.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code twostep bench input}: loading the train split for training with Spark into float arrays
 * ({@link TrainingInput}), on a synthetic particles table of the paper's shape, and the cost of cutting batches from
 * it. Only prints. (It once compared the local parquet-hadoop reader into Arrow vectors, which it replaced: the
 * figures are in the commit that removed it.)
 */
@Command(name = "input", mixinStandardHelpOptions = true,
    description = "Training-input load time through Spark (float arrays) and batch-cutting cost.")
public final class BenchInputCommand implements Callable<Integer> {
  @Option(names = "--particles", defaultValue = "10000", description = "Particles per sigma (default ${DEFAULT-VALUE})")
  int particles;

  @Option(names = "--sigma", defaultValue = "8", description = "Training sigma count (default ${DEFAULT-VALUE})")
  int sigmaCount;

  @Option(names = "--dim", defaultValue = "3", description = "Axes (default ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--repeats", defaultValue = "5", description = "Timed loads per reader (default ${DEFAULT-VALUE})")
  int repeats;

  @Option(names = "--dir", description = "Where the synthetic table goes (default: a temporary directory)")
  Path dir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private static final String EXPERIMENT = "bench-input";

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = Sessions.get();
    Path root = dir != null ? dir : Files.createTempDirectory("twostep-bench-input");
    String table = root.resolve("particles").toString();
    double[] sigma = new double[sigmaCount];
    for (int g = 0; g < sigmaCount; g++) {
      sigma[g] = 20.0 * (g + 1);
    }
    write(spark, table, sigma);
    out.printf(Locale.ROOT, "train split: %d particles x %d sigma x %d axes in %s%n", particles, sigmaCount, dim, table);
    out.flush();
    double[] seconds = new double[repeats];
    TrainingInput.Loaded loaded = null;
    for (int r = -1; r < repeats; r++) { // r = -1 warms up
      long t0 = System.nanoTime();
      loaded = TrainingInput.readTrain(spark, table, EXPERIMENT, dim, sigma);
      if (r >= 0) {
        seconds[r] = (System.nanoTime() - t0) * 1e-9;
      }
    }
    out.printf(Locale.ROOT, "load: Spark -> float arrays median %.3f s (min %.3f), %d rows%n", median(seconds),
        min(seconds), loaded.rows());
    out.printf(Locale.ROOT, "batch cutting (copyRow, random rows): %.1f ns/row%n", cut(loaded.data()));
    return 0;
  }

  private void write(SparkSession spark, String table, double[] sigma) {
    PartitionPublisher p = new PartitionPublisher(spark, table);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int g = 0; g < sigma.length; g++) {
      float[][] cols = new float[dim][particles];
      for (float[] c : cols) {
        for (int i = 0; i < particles; i++) {
          c[i] = (float) (rnd.nextDouble() * sigma[g]);
        }
      }
      p.publishUnit(new PartitionPublisher.Unit(EXPERIMENT, g, "train"), spark.createDataFrame(
          ParticleTables.rows(EXPERIMENT, "ks", sigma[g], g, "train", 0, cols), ParticleTables.particles(dim)),
          CompletionMarker.of("bench", "bench").withSigma(sigma[g]));
    }
  }

  /** Nanoseconds per row of cutting random batches of 1024 rows over every group, best of 5 passes. */
  private static double cut(TrainingData data) {
    int d = data.dim();
    float[] batch = new float[1024 * d];
    SplittableRandom rnd = new SplittableRandom(2);
    double best = Double.MAX_VALUE;
    float sink = 0;
    for (int pass = 0; pass < 5; pass++) {
      long rows = 0;
      long t0 = System.nanoTime();
      for (int rep = 0; rep < 200; rep++) {
        int g = rep % data.sigmas().length;
        int n = data.count(g);
        for (int i = 0; i < 1024; i++) {
          data.copyRow(g, rnd.nextInt(n), batch, i * d);
        }
        sink += batch[rep % batch.length];
        rows += 1024;
      }
      best = Math.min(best, (System.nanoTime() - t0) / (double) rows);
    }
    return sink == Float.MAX_VALUE ? -1 : best;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }
}
