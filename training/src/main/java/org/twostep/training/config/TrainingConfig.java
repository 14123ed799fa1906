package org.twostep.training.config;

import org.twostep.common.config.ConfigReads;
import com.typesafe.config.Config;

/**
 * The {@code training} section: where and how the engine runs.
 *
 * @param device auto | cpu | gpu
 * @param threads PyTorch intra-op threads; 1 is fastest for this small network (per-op overhead dominates)
 * @param interopThreads PyTorch inter-op threads (fixed once per process)
 */
public record TrainingConfig(DeviceChoice device, int threads, int interopThreads) {

  public static TrainingConfig from(Config c) {
    return new TrainingConfig(
        ConfigReads.choice(c, "training.device", DeviceChoice.class),
        ConfigReads.intIn(c, "training.threads", 1, 1024),
        ConfigReads.intIn(c, "training.interop_threads", 1, 1024));
  }
}
