package org.twostep.training.baselines;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;
import org.twostep.training.nn.OptimizerSettings;
import org.twostep.common.error.InvalidConfigException;

/**
 * The {@code imm} section: the IMM self-distillation baseline of SPEC §4.
 *
 * @param steps optimizer steps (MeanFlow's budget)
 * @param batchSize samples per step, a multiple of the group size
 * @param groupSize samples per MMD group (4)
 * @param depth hidden layers of the MLP (4)
 * @param lr peak learning rate, cosine-decayed to {@code lrMin}
 * @param lrMin final learning rate
 * @param adamBeta1 Adam beta1
 * @param adamBeta2 Adam beta2
 * @param adamEps Adam epsilon
 * @param emaDecay decay of the sampling weights' moving average
 * @param kernelScale Laplace kernel width factor: width = kernelScale·(t - s)·d
 * @param endpointFraction share of groups drawn at (s, t) = (0, 1), where the sampler evaluates the map
 * @param checkpointEvery steps between checkpoints
 * @param noiseScale standard deviation of the prior noise (standardized coordinates)
 */
public record ImmConfig(int steps, int batchSize, int groupSize, int depth, double lr, double lrMin, double adamBeta1,
    double adamBeta2, double adamEps, double emaDecay, double kernelScale, double endpointFraction,
    int checkpointEvery, double noiseScale) implements OptimizerSettings {

  public ImmConfig {
    if (batchSize % groupSize != 0) {
      throw new InvalidConfigException("imm.batch_size", batchSize, "a multiple of imm.group_size = " + groupSize);
    }
  }

  public static ImmConfig from(Config c) {
    return new ImmConfig(
        ConfigReads.intIn(c, "imm.steps", 1, Integer.MAX_VALUE),
        ConfigReads.intIn(c, "imm.batch_size", 2, 1 << 20),
        ConfigReads.intIn(c, "imm.group_size", 2, 1024),
        ConfigReads.intIn(c, "imm.depth", 1, 64),
        ConfigReads.doubleIn(c, "imm.lr", 0, 1, true),
        ConfigReads.doubleIn(c, "imm.lr_min", 0, 1, false),
        ConfigReads.doubleIn(c, "imm.adam_beta1", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "imm.adam_beta2", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "imm.adam_eps", 0, 1, true),
        ConfigReads.doubleIn(c, "imm.ema_decay", 0, 0.999999, false),
        ConfigReads.doubleIn(c, "imm.kernel_scale", 0, 100, true),
        ConfigReads.doubleIn(c, "imm.endpoint_fraction", 0, 1, false),
        ConfigReads.intIn(c, "imm.checkpoint_every", 1, Integer.MAX_VALUE),
        ConfigReads.doubleIn(c, "imm.noise_scale", 0, 100, true));
  }

  /** A copy with another budget (tests). */
  public ImmConfig withSteps(int newSteps, int newBatchSize) {
    return new ImmConfig(newSteps, newBatchSize, groupSize, depth, lr, lrMin, adamBeta1, adamBeta2, adamEps,
        emaDecay, kernelScale, endpointFraction, newSteps, noiseScale);
  }
}
