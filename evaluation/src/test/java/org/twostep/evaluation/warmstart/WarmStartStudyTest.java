package org.twostep.evaluation.warmstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.Configs;
import org.twostep.evaluation.config.WarmStartConfig;
import org.twostep.simulation.config.KppConfig;
import org.twostep.simulation.config.SimulationSetup;
import org.twostep.simulation.flow.ZeroFlow;
import org.twostep.simulation.kpp.FeynmanKacRun;
import org.twostep.simulation.kpp.FeynmanKacSystem;
import org.twostep.simulation.kpp.KppSimulation;

/** The warm-start study on small systems: the analytic limit v = 0, common noise, and a warm start that helps. */
class WarmStartStudyTest {

  static Config config(String... overrides) {
    return Configs.load("kpp-cellular-2d", overrides);
  }

  static WarmStartStudy study(Config c, boolean zeroFlow) {
    SimulationSetup setup = SimulationSetup.from(c);
    KppConfig kpp = KppConfig.from(c, setup.dim());
    WarmStartConfig w = WarmStartConfig.from(c);
    return zeroFlow ? new WarmStartStudy(setup, kpp, w, 1, k -> new ZeroFlow(2)) : new WarmStartStudy(setup, kpp, w, 1);
  }

  @Test
  void withoutFlowTheFrontSpeedIsTwoSqrtDAtLambdaOneOverSqrtD() {
    // v = 0: every weight is exp(D lambda^2 dt), so mu(lambda) = D lambda^2 exactly and c* = 2 sqrt(D) at 1/sqrt(D)
    Config c = config("kpp.particles=50", "kpp.substeps=10", "warm_start.generations=4",
        "warm_start.lambda_grid=[1, 2, 3, 4]");
    FrontSpeed f = study(c, true).frontSpeed(0.25, 3);
    for (FrontSpeed.Point p : f.scan()) {
      assertEquals(0.25 * p.lambda() * p.lambda(), p.mu(), 1e-12);
    }
    assertEquals(2.0, f.best().lambda(), 0.0);
    assertEquals(2 * Math.sqrt(0.25), f.speed(), 1e-12);
  }

  @Test
  void rowsAreTheCumulativeMeanAndRerunsAreIdentical() {
    Config c = config("kpp.particles=200", "kpp.substeps=20", "warm_start.generations=6");
    WarmStartStudy s = study(c, false);
    List<EigenRow> a = s.run(0.25, 3, Start.COLD, s.coldStart());
    assertEquals(a, s.run(0.25, 3, Start.COLD, s.coldStart()), "a start is a pure function of its inputs");
    assertEquals(6, a.size());
    double sum = 0;
    for (EigenRow r : a) {
      sum += r.muGeneration();
      assertEquals(sum / r.generation(), r.muN(), 1e-12);
      assertEquals(WarmStartStudy.SPLIT, r.split());
      assertEquals("cold", r.start());
    }
  }

  @Test
  void startingFromTheInvariantMeasureSkipsTheColdClimb() {
    // SPEC §1.2: a cold 2D start gives about 0.46 at n = 1 against a limit of 0.77 at D = 1/4
    Config c = config("kpp.particles=8000", "kpp.substeps=50", "warm_start.generations=2");
    SimulationSetup setup = SimulationSetup.from(c);
    KppConfig kpp = KppConfig.from(c, 2);
    KppSimulation sim = new KppSimulation(setup, kpp, 1);
    // an independent long cold run (replica 1) gives the invariant cloud and the long-run value
    FeynmanKacRun longRun = new FeynmanKacSystem(setup.name(), org.twostep.simulation.flow.Flows.kpp(setup, kpp), kpp, 1)
        .run(sim.coldStart(1), 0.25, 12, sim.seeds(0.25, 1));
    double limit = WarmStartStudy.secondHalfMean(longRun.trace());
    WarmStartStudy s = study(c, false);
    ParticleCloud invariant = longRun.cloud();
    double cold = s.run(0.25, 3, Start.COLD, s.coldStart()).get(0).muN();
    double warm = s.run(0.25, 3, Start.MEANFLOW, invariant).get(0).muN();
    assertTrue(Math.abs(warm - limit) < 0.5 * Math.abs(cold - limit),
        "warm mu_1 " + warm + ", cold mu_1 " + cold + ", long-run " + limit);
    assertTrue(limit > 0.7 && limit < 0.85, "the cellular flow's mu at D = 1/4 is about 0.77: " + limit);
  }
}
