package org.twostep.training.deepparticle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.progress.RecordingListener;
import org.twostep.training.progress.TrainingListener;

/**
 * A run interrupted at a checkpoint and resumed ends with the same weights, validation history and kept step as an
 * uninterrupted run (every round's batch comes from the seed and the round number), and an interrupted run is not
 * a finished model.
 */
class ResumeTest {

  private static DpResult train(Path dir, int maxSteps) {
    return train(dir, maxSteps, TrainingListener.NONE);
  }

  private static DpResult train(Path dir, int maxSteps, TrainingListener listener) {
    DpConfig config = TestConfigs.dp(240, 200, 20).withCadence(60, 0, 120);
    return new DeepParticleTrainer(config, ModelConfig.defaults(SigmaTransform.IDENTITY), Fixtures.CPU, 9, null)
        .train(new NoiseGenerator(2, 0, 1, null), AffineGaussianTest.data(1000, 4), dir, "resume", maxSteps, listener);
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
    RecordingListener seen = new RecordingListener();
    DpResult full = train(whole, Integer.MAX_VALUE, seen);
    DpResult first = train(parts, 120);
    assertFalse(first.card().finished());
    DpResult second = train(parts, Integer.MAX_VALUE);
    assertEquals(120, second.resumedFrom());
    assertEquals(120, second.stepsRun());
    assertTrue(second.card().finished());
    assertEquals(full.corrector().validations(), second.corrector().validations());
    assertEquals(full.corrector().bestStep(), second.corrector().bestStep());
    assertEquals(full.stepsRun(), seen.steps.size());
    // the listener sees every validation after the initial one, each with the best value so far
    List<CorrectorCard.ValidationPoint> points = full.corrector().validations();
    assertEquals(points.size() - 1, seen.validations.size());
    double best = points.get(0).w2sq();
    for (int i = 0; i < seen.validations.size(); i++) {
      best = Math.min(best, points.get(i + 1).w2sq());
      assertEquals(points.get(i + 1).step(), (int) seen.validations.get(i)[0]);
      assertEquals(points.get(i + 1).w2sq(), seen.validations.get(i)[1]);
      assertEquals(best, seen.validations.get(i)[2]);
    }
    float[][] a = sample(whole);
    float[][] b = sample(parts);
    for (int k = 0; k < 2; k++) {
      assertArrayEquals(a[k], b[k], 0f);
    }
  }
}
