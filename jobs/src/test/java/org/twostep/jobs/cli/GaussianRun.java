package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Particles made outside the project with a known answer: 2D Gaussians whose mean (ln s, -ln s / 2) and covariance
 * (sd_x = 0.3 + 0.15 ln s, sd_y = 0.4, correlation 0.3) move with sigma, three replicas of 400 per sigma, written as
 * CSV with custom axis names; and one run imported from them and put through the pipeline with tiny budgets, built
 * once per test JVM and shared by the import, sample and API tests.
 */
public final class GaussianRun {
  static final List<String> TINY = List.of("experiment.name=gauss", "import.axes=[px, py]",
      "sigma.train=[1, 2, 4, 8]", "sigma.test=[1, 3, 8, 12]", "pipeline.models=[meanflow_dp]",
      "meanflow.steps=1000", "meanflow.batch_size=512", "meanflow.lr=2e-3", "meanflow.lr_min=1e-5",
      "meanflow.ema_decay=0.99", "meanflow.checkpoint_every=500",
      "dp.steps=100", "dp.batch_size=200", "dp.refresh_every=10", "dp.validate_every=50", "dp.checkpoint_every=50",
      "dp.frame_samples=200", "dp.validation_size=50", "evaluate.histogram.bins=10", "report.width=320",
      "report.height=240", "report.image_bins=16", "report.projection_sigma=[3, 12]");
  static final int PER_REPLICA = 400;
  static final double[] SIGMAS = {1, 2, 3, 4, 8, 12};

  private static Path run;

  private GaussianRun() {}

  static double[] mean(double s) {
    return new double[] {Math.log(s), -0.5 * Math.log(s)};
  }

  static double sdX(double s) {
    return 0.3 + 0.15 * Math.log(s);
  }

  /** The CSV text: header {@code sigma,replica,px,py}, then every particle. */
  static String csv(double[] sigmas, int replicas, int perReplica, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("sigma,replica,px,py\n");
    for (double s : sigmas) {
      double[] m = mean(s);
      for (int r = 0; r < replicas; r++) {
        for (int i = 0; i < perReplica; i++) {
          double a = rng.nextGaussian();
          double b = 0.3 * a + Math.sqrt(1 - 0.09) * rng.nextGaussian();
          sb.append(String.format(Locale.ROOT, "%s,%d,%.7g,%.7g%n", s, r, m[0] + sdX(s) * a, m[1] + 0.4 * b));
        }
      }
    }
    return sb.toString();
  }

  static List<String> args(String command, Path out, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--config", "../conf/custom.conf", "--profile", "quick", "--out",
        out.toString()));
    a.addAll(List.of(more));
    a.addAll(TINY);
    return a;
  }

  /** The imported and trained run (import, then pipeline), made on first use. */
  public static synchronized Path run() {
    if (run != null) {
      return run;
    }
    try {
      Path dir = Files.createTempDirectory("twostep-gauss");
      Path input = dir.resolve("gauss.csv");
      Files.writeString(input, csv(SIGMAS, 3, PER_REPLICA, 42));
      Path out = dir.resolve("run");
      CliRun imp = CliRun.of(args("import", out, "--from", input.toString()));
      assertEquals(0, imp.code(), imp.out() + imp.err());
      CliRun pipe = CliRun.of(args("pipeline", out));
      assertEquals(0, pipe.code(), pipe.out() + pipe.err());
      run = out;
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
