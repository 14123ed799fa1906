package org.twostep.training.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.training.nn.OptimizerSettings;

/**
 * The {@code meanflow} section: the Stage I training step and schedule of SPEC §2.
 *
 * @param steps optimizer steps
 * @param batchSize particles per step, mixing the training sigma
 * @param lr peak learning rate, decayed by a cosine to {@code lrMin}
 * @param lrMin final learning rate
 * @param adamBeta1 Adam beta1
 * @param adamBeta2 Adam beta2 (0.95)
 * @param adamEps Adam epsilon
 * @param emaDecay decay of the sampling weights' exponential moving average
 * @param flowMatchingFraction fraction of each batch with r = t
 * @param flowMatchingWarmup share of the steps over which that fraction falls linearly from 1 (plain flow matching)
 *     to {@code flowMatchingFraction}; 0 for none
 * @param timeMean mean of the logit-normal time draws
 * @param timeStd standard deviation of the logit-normal time draws
 * @param adaptiveP power p of the adaptive loss weight
 * @param adaptiveC constant c of the adaptive loss weight
 * @param checkpointEvery steps between checkpoints
 * @param noiseScale standard deviation s of the prior noise
 */
public record MeanFlowConfig(int steps, int batchSize, double lr, double lrMin, double adamBeta1, double adamBeta2,
    double adamEps, double emaDecay, double flowMatchingFraction, double flowMatchingWarmup, double timeMean, double timeStd,
    double adaptiveP, double adaptiveC, int checkpointEvery, double noiseScale) implements OptimizerSettings {

  public static MeanFlowConfig from(Config c) {
    return new MeanFlowConfig(
        ConfigReads.intIn(c, "meanflow.steps", 1, Integer.MAX_VALUE),
        ConfigReads.intIn(c, "meanflow.batch_size", 1, 1 << 22),
        ConfigReads.doubleIn(c, "meanflow.lr", 0, 1, true),
        ConfigReads.doubleIn(c, "meanflow.lr_min", 0, 1, false),
        ConfigReads.doubleIn(c, "meanflow.adam_beta1", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "meanflow.adam_beta2", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "meanflow.adam_eps", 0, 1, true),
        ConfigReads.doubleIn(c, "meanflow.ema_decay", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "meanflow.flow_matching_fraction", 0, 1, false),
        ConfigReads.doubleIn(c, "meanflow.flow_matching_warmup", 0, 1, false),
        ConfigReads.doubleIn(c, "meanflow.time_mean", -10, 10, false),
        ConfigReads.doubleIn(c, "meanflow.time_std", 0, 10, true),
        ConfigReads.doubleIn(c, "meanflow.adaptive_p", 0, 4, false),
        ConfigReads.doubleIn(c, "meanflow.adaptive_c", 0, 10, true),
        ConfigReads.intIn(c, "meanflow.checkpoint_every", 1, Integer.MAX_VALUE),
        ConfigReads.doubleIn(c, "meanflow.noise_scale", 0, 100, true));
  }

  /** A copy with another step count (tests and benchmarks). */
  public MeanFlowConfig withSteps(int newSteps, int newCheckpointEvery) {
    return new MeanFlowConfig(newSteps, batchSize, lr, lrMin, adamBeta1, adamBeta2, adamEps, emaDecay,
        flowMatchingFraction, flowMatchingWarmup, timeMean, timeStd, adaptiveP, adaptiveC, newCheckpointEvery, noiseScale);
  }

  /** A copy with another batch size. */
  public MeanFlowConfig withBatchSize(int newBatchSize) {
    return new MeanFlowConfig(steps, newBatchSize, lr, lrMin, adamBeta1, adamBeta2, adamEps, emaDecay,
        flowMatchingFraction, flowMatchingWarmup, timeMean, timeStd, adaptiveP, adaptiveC, checkpointEvery, noiseScale);
  }
}
