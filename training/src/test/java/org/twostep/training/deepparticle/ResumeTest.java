package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;

/**
 * A run interrupted at a checkpoint and resumed ends with the same weights, validation history and kept step as an
 * uninterrupted run (every round's batch comes from the seed and the round number), and an interrupted run is not
 * a finished model.
 */
class ResumeTest {

  private static DpResult train(Path dir, int maxSteps) {
    DpConfig config = TestConfigs.dp(240, 200, 20).withCadence(60, 0, 120);
    return new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.IDENTITY), Fixtures.CPU, 9, null)
        .train(new NoiseGenerator(2, 0, 1, null), AffineGaussianTest.data(1000, 4), dir, "resume", maxSteps);
  }

  private static float[][] sample(Path dir) {
    try (CorrectedGenerator g = new CorrectedGenerator(new NoiseGenerator(2, 0, 1, null),
        CorrectorModel.load(dir, Device.cpu()))) {
      return g.generate(1.5, 300, 3);
    }
  }

  @Test
  void aResumedRunEqualsAnUninterruptedOne() throws Exception {
    Path whole = Files.createTempDirectory("dp-whole");
    Path parts = Files.createTempDirectory("dp-parts");
    DpResult full = train(whole, Integer.MAX_VALUE);
    DpResult first = train(parts, 120);
    assertFalse(first.card().finished());
    DpResult second = train(parts, Integer.MAX_VALUE);
    assertEquals(120, second.resumedFrom());
    assertEquals(120, second.stepsRun());
    assertTrue(second.card().finished());
    assertEquals(full.corrector().validations(), second.corrector().validations());
    assertEquals(full.corrector().bestStep(), second.corrector().bestStep());
    float[][] a = sample(whole);
    float[][] b = sample(parts);
    for (int k = 0; k < 2; k++) {
      assertArrayEquals(a[k], b[k], 0f);
    }
  }
}
