package org.twostep.evaluation.warmstart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.config.WarmStartConfig;
import org.twostep.simulation.EigenTrace;
import org.twostep.simulation.TaskSeeds;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.SimulationSetup;
import org.twostep.simulation.flow.Flows;
import org.twostep.simulation.flow.VelocityField;
import org.twostep.simulation.kpp.FeynmanKacSystem;
import org.twostep.simulation.kpp.KppSimulation;

/**
 * The KPP warm-start study (SPEC §6): the Feynman-Kac system at one D run for G generations from the cold uniform
 * cloud, from the MeanFlow cloud and from the MeanFlow + DP cloud. Every start at one D uses the same noise and
 * resampling streams (common random numbers, replica {@link #REPLICA}), so the curves differ only by where they
 * start. A start that already samples the invariant measure has mu_1 near the long-run value; a cold one climbs.
 */
public final class WarmStartStudy {
  /** The {@code split} value of the study's rows in {@code eigenvalues/}. */
  public static final String SPLIT = "warm_start";
  /** The replica whose streams the study draws from; train, test and reference_b use 0, 1, 2. */
  public static final int REPLICA = 3;

  private final String experiment;
  private final KppConfig kpp;
  private final WarmStartConfig config;
  private final int threads;
  private final Function<KppConfig, VelocityField> flows;
  private final KppSimulation simulation;

  /** The study of the experiment's own flow. */
  public WarmStartStudy(SimulationSetup setup, KppConfig kpp, WarmStartConfig config, int threads) {
    this(setup, kpp, config, threads, k -> Flows.kpp(setup, k));
  }

  /** The study of another flow (the analytic limit v = 0 in tests); seeds and cold start stay the experiment's. */
  public WarmStartStudy(SimulationSetup setup, KppConfig kpp, WarmStartConfig config, int threads,
      Function<KppConfig, VelocityField> flows) {
    this.experiment = setup.name();
    this.kpp = kpp;
    this.config = config;
    this.threads = threads;
    this.flows = flows;
    this.simulation = new KppSimulation(setup, kpp, threads);
  }

  /** The cold start: uniform on the torus, N = kpp.particles. */
  public ParticleCloud coldStart() {
    return simulation.coldStart(REPLICA);
  }

  /** Runs one start at D and returns mu_n for n = 1..G (every generation; the report picks powers of two). */
  public List<EigenRow> run(double sigma, int sigmaIndex, Start start, ParticleCloud initial) {
    TaskSeeds seeds = simulation.seeds(sigma, REPLICA);
    EigenTrace trace = system(kpp).run(initial, sigma, config.generations(), seeds).trace();
    return rows(sigma, sigmaIndex, start.label(), trace);
  }

  /**
   * The lambda scan at D: a cold run of G generations per lambda of {@code warm_start.lambda_grid}; mu(lambda) is the
   * mean per-generation estimate over the second half of the run, so the cold start's climb does not bias it.
   */
  public FrontSpeed frontSpeed(double sigma, int sigmaIndex) {
    List<FrontSpeed.Point> scan = new ArrayList<>();
    for (double lambda : config.lambdaGrid()) {
      KppConfig k = kpp.withLambda(lambda);
      EigenTrace t = system(k).run(coldStart(), sigma, config.generations(), simulation.seeds(sigma, REPLICA)).trace();
      scan.add(new FrontSpeed.Point(lambda, secondHalfMean(t)));
    }
    return new FrontSpeed(experiment, sigma, sigmaIndex, scan);
  }

  private FeynmanKacSystem system(KppConfig k) {
    return new FeynmanKacSystem(experiment, flows.apply(k), k, threads);
  }

  static double secondHalfMean(EigenTrace t) {
    int g = t.generations();
    int from = g / 2 + 1;
    double s = 0;
    for (int n = from; n <= g; n++) {
      s += t.perGeneration(n);
    }
    return s / (g - from + 1);
  }

  private List<EigenRow> rows(double sigma, int sigmaIndex, String start, EigenTrace trace) {
    List<EigenRow> rows = new ArrayList<>(trace.generations());
    double sum = 0;
    for (int n = 1; n <= trace.generations(); n++) {
      sum += trace.perGeneration(n);
      rows.add(new EigenRow(experiment, sigma, sigmaIndex, SPLIT, start, n, trace.perGeneration(n), sum / n));
    }
    return rows;
  }
}
