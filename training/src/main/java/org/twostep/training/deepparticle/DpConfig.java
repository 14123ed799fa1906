package org.twostep.training.deepparticle;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code dp} section: the Stage II corrector and its training loop (SPEC §3).
 *
 * @param steps Adam-step budget (the loop also stops early when validation W2 stops improving)
 * @param batchSize N, prior samples and reference particles per coupling [paper: 1500]
 * @param refreshEvery K, Adam steps per coupling with the batch and coupling fixed [paper: 50]
 * @param lr peak learning rate, cosine-decayed to {@code lrMin}
 * @param lrMin final learning rate
 * @param adamBeta1 Adam beta1
 * @param adamBeta2 Adam beta2
 * @param adamEps Adam epsilon
 * @param width hidden width [paper: 64]
 * @param blocks residual blocks on Euclidean domains [paper: 4]
 * @param blocksPeriodic residual blocks on tori [paper: 6]
 * @param coupling exact | sinkhorn
 * @param sinkhornEps entropic regularisation relative to the largest cost (sinkhorn only)
 * @param beta weight of the displacement penalty {@code beta·mean|R(y) - y|^2}
 * @param frame none | meanflow
 * @param frameSamples generator samples per sigma that fix the meanflow frame
 * @param validationFraction share of each training group held out for validation
 * @param validationSize cap on validation particles per training sigma
 * @param validateEvery Adam steps between validations (rounded up to whole rounds)
 * @param patience validations without improvement before stopping (0 = never stop early)
 * @param checkpointEvery Adam steps between checkpoints (rounded up to whole rounds)
 * @param overlap solve the next round's coupling while this round's Adam steps run (on outputs K steps stale)
 * @param clampSigma feed sigma outside the training range to the corrector as the nearest end of the range
 * @param allowUnconverged train on a Sinkhorn plan that did not converge (counted in the times) instead of failing
 */
public record DpConfig(int steps, int batchSize, int refreshEvery, double lr, double lrMin, double adamBeta1,
    double adamBeta2, double adamEps, int width, int blocks, int blocksPeriodic, CouplingKind coupling,
    double sinkhornEps, double beta, FrameKind frame, int frameSamples, double validationFraction,
    int validationSize, int validateEvery, int patience, int checkpointEvery, boolean overlap, boolean clampSigma,
    boolean allowUnconverged) {

  public DpConfig {
    if (lrMin > lr) {
      throw new InvalidConfigException("dp.lr_min", lrMin, "at most dp.lr = " + lr);
    }
  }

  public static DpConfig from(Config c) {
    return new DpConfig(
        ConfigReads.intIn(c, "dp.steps", 1, Integer.MAX_VALUE),
        ConfigReads.intIn(c, "dp.batch_size", 2, 20000),
        ConfigReads.intIn(c, "dp.refresh_every", 1, 1_000_000),
        ConfigReads.doubleIn(c, "dp.lr", 0, 1, true),
        ConfigReads.doubleIn(c, "dp.lr_min", 0, 1, false),
        ConfigReads.doubleIn(c, "dp.adam_beta1", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "dp.adam_beta2", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "dp.adam_eps", 0, 1, true),
        ConfigReads.intIn(c, "dp.width", 1, 4096),
        ConfigReads.intIn(c, "dp.blocks", 1, 64),
        ConfigReads.intIn(c, "dp.blocks_periodic", 1, 64),
        ConfigReads.choice(c, "dp.coupling", CouplingKind.class),
        ConfigReads.doubleIn(c, "dp.sinkhorn_eps", 0, 10, true),
        ConfigReads.doubleIn(c, "dp.beta", 0, 1e6, false),
        ConfigReads.choice(c, "dp.frame", FrameKind.class),
        ConfigReads.intIn(c, "dp.frame_samples", 2, 1 << 22),
        ConfigReads.doubleIn(c, "dp.validation_fraction", 0, 0.9, false),
        ConfigReads.intIn(c, "dp.validation_size", 0, 20000),
        ConfigReads.intIn(c, "dp.validate_every", 1, Integer.MAX_VALUE),
        ConfigReads.intIn(c, "dp.patience", 0, 1_000_000),
        ConfigReads.intIn(c, "dp.checkpoint_every", 1, Integer.MAX_VALUE),
        ConfigReads.bool(c, "dp.overlap"),
        ConfigReads.bool(c, "dp.clamp_sigma"),
        ConfigReads.bool(c, "dp.allow_unconverged"));
  }

  /** Residual blocks for the domain: more on tori [paper]. */
  public int blocksFor(boolean periodic) {
    return periodic ? blocksPeriodic : blocks;
  }

  /** A copy with another step budget and batch (tests, benchmarks, the ablation runner). */
  public DpConfig with(int newSteps, int newBatchSize, int newRefreshEvery) {
    return new DpConfig(newSteps, newBatchSize, newRefreshEvery, lr, lrMin, adamBeta1, adamBeta2, adamEps, width,
        blocks, blocksPeriodic, coupling, sinkhornEps, beta, frame, frameSamples, validationFraction,
        validationSize, validateEvery, patience, checkpointEvery, overlap, clampSigma, allowUnconverged);
  }

  /** A copy with another validation and checkpoint cadence. */
  public DpConfig withCadence(int newValidateEvery, int newPatience, int newCheckpointEvery) {
    return new DpConfig(steps, batchSize, refreshEvery, lr, lrMin, adamBeta1, adamBeta2, adamEps, width,
        blocks, blocksPeriodic, coupling, sinkhornEps, beta, frame, frameSamples, validationFraction,
        validationSize, newValidateEvery, newPatience, newCheckpointEvery, overlap, clampSigma, allowUnconverged);
  }

  /** A copy with another coupling, penalty, frame and overlap. */
  public DpConfig withMethod(CouplingKind newCoupling, double newSinkhornEps, double newBeta, FrameKind newFrame,
      boolean newOverlap) {
    return new DpConfig(steps, batchSize, refreshEvery, lr, lrMin, adamBeta1, adamBeta2, adamEps, width,
        blocks, blocksPeriodic, newCoupling, newSinkhornEps, newBeta, newFrame, frameSamples, validationFraction,
        validationSize, validateEvery, patience, checkpointEvery, newOverlap, clampSigma, allowUnconverged);
  }

  /** A copy with another validation split (0 disables validation and the early stop). */
  public DpConfig withValidation(double newFraction, int newSize) {
    return new DpConfig(steps, batchSize, refreshEvery, lr, lrMin, adamBeta1, adamBeta2, adamEps, width,
        blocks, blocksPeriodic, coupling, sinkhornEps, beta, frame, frameSamples, newFraction,
        newSize, validateEvery, patience, checkpointEvery, overlap, clampSigma, allowUnconverged);
  }
}
