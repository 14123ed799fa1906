package org.twostep.training.meanflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.nn.NetSpec;

/** 300 training steps leave the count of live native arrays unchanged and native memory within a bound. */
class MemoryDisciplineTest {
  private static final long RSS_BOUND_BYTES = 64L << 20;

  private static long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  @Test
  void threeHundredStepsDoNotGrowLiveArraysOrNativeMemory() throws IOException {
    MeanFlowConfig c = AnalyticGaussianTest.quickConfig(1000).withBatchSize(1500);
    InMemoryTrainingData data = GaussianProblem.data(AnalyticGaussianTest.TRAIN, 2000, 1);
    ModelConfig model = ModelConfig.defaults(SigmaTransform.IDENTITY);
    SigmaFeatures f = SigmaFeatures.over(data.sigmas(), model.sigmaFeatures(), model.transform(), new double[0]);
    try (NDManager root = NDManager.newBaseManager();
        TrainState state = TrainState.fresh(root, NetSpec.of(model, 2, f.count()), c, 0.01, 1)) {
      MeanFlowStep step = new MeanFlowStep(state, new BatchBuilder(data, data.statistics(), f, c, 1), c);
      PhaseClock clock = new PhaseClock();
      for (int k = 0; k < 50; k++) {
        step.run(k, 1e-3, clock);
      }
      System.gc();
      int arrays = root.getManagedArrays().size();
      long rss = rssBytes();
      for (int k = 50; k < 350; k++) {
        step.run(k, 1e-3, clock);
      }
      System.gc();
      assertEquals(arrays, root.getManagedArrays().size(), "live arrays after 300 more steps");
      long growth = rssBytes() - rss;
      assertTrue(growth < RSS_BOUND_BYTES, "native memory grew by " + (growth >> 20) + " MiB");
    }
  }
}
