package org.twostep.training.baselines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/**
 * IMM samples on a torus lie in [0, L) as float32. The model is made to answer a hair below 0: one training step on
 * the torus, then a head of weight 0 and bias 1e-9 (so x = eps - G = -1e-9 with zero noise) and the identity
 * standardization. That wraps to a double a hair below 2 pi, whose float32 is 2 pi rounded up: the stored sample must
 * be 0 instead.
 */
class ImmTorusOutputTest {
  private static final double L = 2 * Math.PI;

  @Test
  void aSampleJustBelowZeroIsStoredInsideTheDomain(@TempDir Path dir) {
    TreeMap<Double, float[]> groups = new TreeMap<>();
    groups.put(1.0, new float[] {1, 2, 3, 4, 5, 6, 1.5f, 2.5f});
    ImmConfig one = new ImmConfig(1, 4, 4, 2, 1e-3, 0, 0.9, 0.95, 1e-8, 0.99, 0.5, 0.25, 1, 1.0);
    new ImmTrainer(ModelConfig.defaults(SigmaTransform.IDENTITY), one, ImmTrainerTest.CPU, 1, L)
        .train(new InMemoryTrainingData(2, groups), dir, "torus");
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard card = ModelDirectory.readCard(files.card());
    String sha;
    try (NDManager m = NDManager.newBaseManager()) {
      NDList params = ModelDirectory.readArrays(files.params(), card.paramsSha256(), m);
      int head = params.size() - 2;
      NDList edited = new NDList();
      for (int i = 0; i < params.size(); i++) {
        NDArray p = params.get(i);
        edited.add(i == head ? p.zerosLike() : i == head + 1 ? p.zerosLike().add(1e-9f) : p);
      }
      sha = ModelDirectory.writeArrays(files.params(), edited);
    }
    ModelCard.Normalization identity = new ModelCard.Normalization(new double[2], new double[] {1, 1}, new double[2], L);
    ModelDirectory.writeCard(files.card(), new ModelCard(card.format(), card.kind(), card.configHash(), true,
        card.stepsPlanned(), card.stepsDone(), card.seed(), card.architecture(), identity, card.sigma(),
        card.torusLength(), card.paramsFile(), sha, card.lossFile(), card.trainingCurve(), card.trainingSeconds(),
        card.device(), card.writtenUtc(), card.codeVersion()));
    try (ImmGenerator g = ImmGenerator.load(dir, Device.cpu(), 0.0)) {
      for (float[] axis : g.generate(1.0, 50, 3)) {
        for (float v : axis) {
          assertTrue(v >= 0 && v < L, "stored " + v);
        }
      }
    }
  }
}
