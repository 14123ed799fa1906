package org.twostep.jobs.sample;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.data.Split;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.error.SimulationBlowupException;
import org.twostep.common.rng.Seeds;
import org.twostep.evaluation.config.EvaluateConfig;
import org.twostep.evaluation.metrics.EvalTask;
import org.twostep.evaluation.metrics.MetricComputation;
import org.twostep.evaluation.metrics.MetricContext;
import org.twostep.evaluation.report.SpeedupTable;
import org.twostep.jobs.pipeline.Models;
import org.twostep.jobs.pipeline.RunLayout;
import org.twostep.simulation.Simulations;
import org.twostep.jobs.spark.Sessions;
import org.twostep.jobs.spark.TrainingInput;
import org.twostep.training.data.TrainingData;

/**
 * The speedup of sampling over simulating, on one finished run and this machine (issue 14): per test sigma, the wall
 * time of simulating the reference's P particles (the fastest of up to three runs after a JIT warm-up; replica
 * {@code reference_b}, so its W2² against the test reference is the noise floor), of sampling P with MeanFlow and MeanFlow + DP (the seed of {@code generate}, so their W2² are the
 * run's), model load excluded (median of repeated calls) and included (open plus first call; the engine's one-off
 * start-up is excluded by a warm-up), and the accuracy at equal time: the particles P' the simulator runs in the
 * sampling time, found by timing it, and the W2² it reaches with them. Every distance is the run's evaluate metric.
 */
public final class Speedup {
  /** Timed simulations per equal-time search. */
  private static final int SEARCH_STEPS = 8;

  private final Config config;
  private final Path run;
  private final int repeats;
  private final Consumer<String> progress;
  private final String experiment;
  private final String system;
  private final int threads;
  private final EvaluateConfig eval;
  private final MetricContext metrics;
  private final SigmaCatalogue sigma;

  /**
   * @param repeats load-excluded sampling calls whose median is reported
   * @param progress receives one line per finished measurement (the CLI prints them)
   */
  public Speedup(Config config, Path run, int repeats, Consumer<String> progress) {
    this.config = config;
    this.run = run;
    this.repeats = repeats;
    this.progress = progress;
    this.experiment = config.getString("experiment.name");
    this.system = config.getString("experiment.system");
    if (!system.equals("ks") && !system.equals("kpp")) {
      throw new InvalidInputException("experiment.system = " + system + " has no simulator to time (bench speedup "
          + "compares sampling with the ks and kpp simulators)");
    }
    int t = config.getInt("simulate.threads");
    this.threads = t > 0 ? t : Runtime.getRuntime().availableProcessors();
    this.eval = EvaluateConfig.from(config);
    this.metrics = new MetricContext(experiment, "", "", Seeds.derive(config.getLong("experiment.seed"),
        Seeds.coordinate(experiment)));
    this.sigma = SigmaCatalogue.from(config);
  }

  /** Measures every sigma (each on the test grid). */
  public List<SpeedupTable.Row> measure(double[] sigmas) {
    try (Surrogate warm = Surrogate.open(run, Models.MEANFLOW_DP, config)) {
      warm.sample(sigmas[0], 1000, 1); // the engine's native start-up, once per JVM: not the model's load
    }
    simulate(sigmas[0], 500, null); // the simulator's JIT warm-up
    List<SpeedupTable.Row> rows = new ArrayList<>();
    for (double s : sigmas) {
      rows.add(measure(s));
    }
    return rows;
  }

  private SpeedupTable.Row measure(double s) {
    ParticleCloud reference = reference(s);
    int p = reference.size();
    SpeedupTable.Simulated full = simulate(s, p, reference);
    for (int r = 1; r < Math.min(repeats, 3); r++) {
      SpeedupTable.Simulated again = simulate(s, p, null);
      full = again.seconds() < full.seconds() ? new SpeedupTable.Simulated(p, again.seconds(), full.w2sq()) : full;
    }
    progress.accept(String.format(Locale.ROOT, "sigma=%s: simulate %d particles %.2f s, W2^2 %.4g", s, p,
        full.seconds(), full.w2sq()));
    Sampled mf = sample(Models.MEANFLOW, s, p, reference);
    Sampled dp = sample(Models.MEANFLOW_DP, s, p, reference);
    progress.accept(String.format(Locale.ROOT, "sigma=%s: sample meanflow %.4f s (%.2f s with load), meanflow_dp "
        + "%.4f s (%.2f s with load)", s, mf.seconds, mf.loadSeconds, dp.seconds, dp.loadSeconds));
    SpeedupTable.Simulated equal = equalTime(s, dp.seconds, full, reference);
    SpeedupTable.Simulated equalLoad = equalTime(s, dp.loadSeconds, full, reference);
    progress.accept(String.format(Locale.ROOT, "sigma=%s: the simulator in the same time: %d particles (W2^2 %.4g), "
        + "with load %d particles (W2^2 %.4g)", s, equal.particles(), equal.w2sq(), equalLoad.particles(),
        equalLoad.w2sq()));
    return new SpeedupTable.Row(s, sigma.inTrainingRange(s), eval.metric().label(), p, full, mf.seconds,
        mf.loadSeconds, dp.seconds, dp.loadSeconds, mf.w2sq, dp.w2sq, equal, equalLoad);
  }

  private record Sampled(double seconds, double loadSeconds, double w2sq) {}

  private Sampled sample(String model, double s, int p, ParticleCloud reference) {
    long t0 = System.nanoTime();
    try (Surrogate sur = Surrogate.open(run, model, config)) {
      Cloud first = sur.sample(s, p, sur.generateSeed());
      double load = (System.nanoTime() - t0) * 1e-9;
      double[] t = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        long t1 = System.nanoTime();
        sur.sample(s, p, sur.generateSeed());
        t[r] = (System.nanoTime() - t1) * 1e-9;
      }
      Arrays.sort(t);
      return new Sampled(t[repeats / 2], load, w2sq(model, s, reference, cloud(first.columns())));
    }
  }

  /**
   * The largest P' whose simulation fits in {@code seconds}, bracketed by timed runs: each guess comes from the power
   * law t = c·P^a through the last two runs (a = 2, the pair sum, at first), kept strictly inside the bracket; the
   * smallest run when none fits.
   */
  private SpeedupTable.Simulated equalTime(double s, double seconds, SpeedupTable.Simulated full,
      ParticleCloud reference) {
    int min = system.equals("ks") ? 2 : 1;
    SpeedupTable.Simulated fits = null;
    SpeedupTable.Simulated over = full.seconds() > seconds ? full : null;
    SpeedupTable.Simulated last = full;
    double a = 2;
    for (int step = 0; step < SEARCH_STEPS && over != null; step++) {
      int lo = fits == null ? min - 1 : fits.particles();
      int hi = over.particles();
      if (hi - lo <= Math.max(1, lo / 20)) {
        break; // bracketed to 5%
      }
      double guess = last.particles() * Math.pow(seconds / last.seconds(), 1 / a);
      int next = (int) Math.max(lo + 1, Math.min(hi - 1, Math.floor(guess)));
      SpeedupTable.Simulated t = simulate(s, next, reference);
      if (t.seconds() > 0 && last.seconds() > 0 && t.particles() != last.particles()) {
        double fit = Math.log(last.seconds() / t.seconds()) / Math.log((double) last.particles() / t.particles());
        a = Double.isFinite(fit) ? Math.max(0.5, Math.min(2.5, fit)) : a;
      }
      if (t.seconds() <= seconds) {
        fits = t;
      } else {
        over = t;
      }
      last = t;
    }
    return fits != null ? fits : over == null ? full : over;
  }

  /**
   * P particles at sigma from replica reference_b, timed; the W2² against the test reference (NaN on blow-up or
   * without a reference).
   */
  private SpeedupTable.Simulated simulate(double s, int particles, ParticleCloud reference) {
    Config c = config.withValue(system + ".particles", ConfigValueFactory.fromAnyRef(particles));
    var sim = Simulations.from(c, threads);
    long t0 = System.nanoTime();
    try {
      float[][] columns = sim.run(s, Split.REFERENCE_B.replica()).columns();
      double seconds = (System.nanoTime() - t0) * 1e-9;
      return new SpeedupTable.Simulated(particles, seconds,
          reference == null ? Double.NaN : w2sq("simulate", s, reference, cloud(columns)));
    } catch (SimulationBlowupException e) {
      return new SpeedupTable.Simulated(particles, (System.nanoTime() - t0) * 1e-9, Double.NaN);
    }
  }

  private double w2sq(String label, double s, ParticleCloud reference, ParticleCloud cloud) {
    return MetricComputation.measure(eval, metrics, new EvalTask(label, s, sigma.indexOf(s)), sigma.inTrainingRange(s),
        reference, cloud).w2sq();
  }

  /** The run's test reference at sigma. */
  private ParticleCloud reference(double s) {
    int dim = config.getInt("experiment.dim");
    String particles = new RunLayout(run.toString()).particles();
    TrainingData ref = TrainingInput.read(Sessions.get(), particles, experiment, dim, "test", new double[] {s}).data();
    int n = ref.count(0);
    float[] rows = new float[n * dim];
    for (int i = 0; i < n; i++) {
      ref.copyRow(0, i, rows, i * dim);
    }
    return ParticleCloud.ofRowMajor(dim, rows);
  }


  private static ParticleCloud cloud(float[][] columns) {
    int d = columns.length;
    int n = columns[0].length;
    float[] rows = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        rows[i * d + k] = columns[k][i];
      }
    }
    return ParticleCloud.ofRowMajor(d, rows);
  }
}
