package org.twostep.training.config;

import com.typesafe.config.Config;
import org.twostep.common.config.ConfigReads;

/** How trained networks are evaluated when sampling ({@code sampling.engine}); training always uses PyTorch. */
public enum SamplingEngine {
  /** PyTorch on {@code training.device}. */
  TORCH,
  /** Plain Java with the JDK Vector API on the CPU, over {@code training.threads} threads ({@code nn.HostNet}). */
  VECTOR;

  public static SamplingEngine from(Config c) {
    return ConfigReads.choice(c, "sampling.engine", SamplingEngine.class);
  }
}
