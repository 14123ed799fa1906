package org.twostep.training.deepparticle;

/** Corrector configurations for tests: the defaults of SPEC §3 with small budgets. */
final class TestConfigs {
  private TestConfigs() {}

  static DpConfig dp(int steps, int batch, int refresh) {
    return new DpConfig(steps, batch, refresh, 1e-3, 0, 0.9, 0.999, 1e-8, 64, 4, 6, CouplingKind.EXACT, 0.01, 0.0,
        FrameKind.NONE, 2000, 0.2, 1000, 500, 0, 1000, false, false, false);
  }

  /** The same configuration with dp.allow_unconverged = true. */
  static DpConfig allowingUnconverged(DpConfig c) {
    return new DpConfig(c.steps(), c.batchSize(), c.refreshEvery(), c.lr(), c.lrMin(), c.adamBeta1(), c.adamBeta2(),
        c.adamEps(), c.width(), c.blocks(), c.blocksPeriodic(), c.coupling(), c.sinkhornEps(), c.beta(), c.frame(),
        c.frameSamples(), c.validationFraction(), c.validationSize(), c.validateEvery(), c.patience(),
        c.checkpointEvery(), c.overlap(), c.clampSigma(), true);
  }
}
