package org.twostep.jobs.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.io.AtomicFiles;
import org.twostep.evaluation.report.SpeedupTable;
import org.twostep.jobs.sample.Speedup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twostep bench speedup --run DIR}: on a finished run, per test sigma, seconds to simulate P particles against
 * seconds to sample them with MeanFlow and MeanFlow + DP, and the W2² the simulator reaches in the sampling time
 * ({@link Speedup}). Writes {@code DIR/speedup/speedup.csv} and {@code speedup.md}, which {@code publish} puts on the
 * results page.
 */
@Command(name = "speedup", mixinStandardHelpOptions = true,
    description = "Seconds per sigma to simulate P particles vs to sample them, and the simulator's W2 at equal time.")
public final class BenchSpeedupCommand implements Callable<Integer> {
  /** Where the tables go inside the run directory. */
  public static final String DIR = "speedup";

  @CommandLine.Mixin RunOptions options;

  @Option(names = "--sigma", split = ",", paramLabel = "S",
      description = "Test sigma to measure (default: the first, middle and last of the test grid)")
  List<Double> sigma = new ArrayList<>();

  @Option(names = "--repeats", defaultValue = "9", description = "Timed sampling calls per model (median; default ${DEFAULT-VALUE})")
  int repeats;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (repeats < 1) {
      throw new InvalidConfigException("--repeats", repeats, "a positive integer");
    }
    if (!options.storage().exists("metrics")) {
      throw new InvalidInputException("run directory " + options.storage().label() + " has no metrics/: run "
          + "`twostep pipeline --out " + options.storage().label() + "` first");
    }
    Config c = options.load();
    options.storage().pull("models", "particles", DIR);
    double[] sigmas = sigmas(SigmaCatalogue.from(c));
    PrintWriter out = spec.commandLine().getOut();
    List<SpeedupTable.Row> rows = new Speedup(c, options.run(), repeats, line -> {
      out.println("bench speedup " + line);
      out.flush();
    }).measure(sigmas);
    Path dir = options.run().resolve(DIR);
    String md = SpeedupTable.markdown(rows);
    AtomicFiles.writeString(dir.resolve("speedup.csv"), SpeedupTable.csv(rows));
    AtomicFiles.writeString(dir.resolve("speedup.md"), md);
    options.storage().push(DIR);
    out.printf(Locale.ROOT, "%n%s%nbench speedup %s: -> %s%n", md, c.getString("experiment.name"),
        dir.resolve("speedup.csv"));
    out.flush();
    return 0;
  }

  private double[] sigmas(SigmaCatalogue catalogue) {
    double[] test = catalogue.test().values();
    if (sigma.isEmpty()) {
      return java.util.stream.DoubleStream.of(test[0], test[test.length / 2], test[test.length - 1]).distinct()
          .toArray();
    }
    for (double s : sigma) {
      if (!catalogue.onTestGrid(s)) {
        throw new InvalidConfigException("--sigma", s, "a sigma of the test grid " + java.util.Arrays.toString(test)
            + " (the speedup is measured against the test reference)");
      }
    }
    return sigma.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
  }
}
