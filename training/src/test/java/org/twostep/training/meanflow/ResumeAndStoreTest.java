package org.twostep.training.meanflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.MeanFlowConfig;
import org.twostep.training.config.ModelConfig;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.InMemoryTrainingData;
import org.twostep.training.data.Standardization;
import org.twostep.training.progress.RecordingListener;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/** Checkpoint/resume, skip-when-finished, the model card round trip, and clear errors on bad model files. */
class ResumeAndStoreTest {
  private final MeanFlowConfig config = AnalyticGaussianTest.quickConfig(120).withSteps(120, 40).withBatchSize(128);
  private final InMemoryTrainingData data = GaussianProblem.data(AnalyticGaussianTest.TRAIN, 500, 5);

  private MeanFlowTrainer trainer(Double torus) {
    return new MeanFlowTrainer(ModelConfig.defaults(SigmaTransform.IDENTITY), config, AnalyticGaussianTest.CPU, 3,
        torus);
  }

  private static float[] params(Path dir) {
    ModelCard card = ModelDirectory.readCard(dir.resolve(ModelDirectory.CARD));
    try (NDManager m = NDManager.newBaseManager()) {
      NDList list = ModelDirectory.readArrays(dir.resolve(card.paramsFile()), card.paramsSha256(), m);
      float[][] parts = list.stream().map(a -> a.toFloatArray()).toArray(float[][]::new);
      int n = 0;
      for (float[] p : parts) {
        n += p.length;
      }
      float[] all = new float[n];
      int o = 0;
      for (float[] p : parts) {
        System.arraycopy(p, 0, all, o, p.length);
        o += p.length;
      }
      return all;
    }
  }

  @Test
  void resumingAfterAnInterruptionEndsWhereAnUninterruptedRunEnds(@TempDir Path a, @TempDir Path b) {
    TrainResult whole = trainer(null).train(data, a, "h");
    TrainResult first = trainer(null).train(data, b, "h", 70); // "interrupted" after 70 of 120 steps
    assertFalse(first.card().finished());
    assertFalse(Files.exists(b.resolve(ModelDirectory.CARD)), "no final card before the run finishes");
    TrainResult rest = trainer(null).train(data, b, "h");
    assertEquals(70, rest.resumedFrom());
    assertEquals(50, rest.stepsRun());
    float[] pa = params(a);
    float[] pb = params(b);
    double maxDiff = 0;
    for (int i = 0; i < pa.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
    }
    // exact replay, as MeanFlowTrainer promises and the corrector's ResumeTest asserts: every step's batch comes from
    // the seed and the step, and the checkpoint holds every array of the state bit for bit
    assertEquals(0.0, maxDiff, "resumed weights differ by " + maxDiff);
    assertEquals(whole.card().stepsDone(), rest.card().stepsDone());
    assertEquals(120, rest.card().trainingCurve().stream().mapToInt(ModelCard.CurvePoint::step).max().getAsInt());
  }

  @Test
  void theListenerSeesEveryStepOfAResumedCallWithTheLossOfLossCsv(@TempDir Path dir) throws IOException {
    trainer(null).train(data, dir, "h", 70);
    RecordingListener seen = new RecordingListener();
    trainer(null).train(data, dir, "h", Integer.MAX_VALUE, seen);
    assertEquals(1, seen.starts.size());
    assertArrayEquals(new int[] {70, 120}, seen.starts.get(0));
    assertEquals(java.util.stream.IntStream.range(70, 120).boxed().toList(), seen.steps);
    java.util.List<String> rows = Files.readAllLines(dir.resolve(ModelDirectory.LOSS));
    for (int i = 0; i < 50; i++) {
      String[] f = rows.get(1 + 70 + i).split(",");
      assertEquals(70 + i, Integer.parseInt(f[0]));
      assertEquals(Double.parseDouble(f[2]), seen.losses.get(i), 1e-7 * Math.abs(seen.losses.get(i)));
    }
  }

  @Test
  void aFinishedModelWithTheSameHashIsNotRetrainedButAChangedHashIs(@TempDir Path dir) throws IOException {
    trainer(null).train(data, dir, "h1");
    long written = Files.getLastModifiedTime(dir.resolve(ModelDirectory.PARAMS)).toMillis();
    TrainResult again = trainer(null).train(data, dir, "h1");
    assertTrue(again.skipped());
    assertEquals(0, again.stepsRun());
    assertEquals(written, Files.getLastModifiedTime(dir.resolve(ModelDirectory.PARAMS)).toMillis());
    TrainResult changed = trainer(null).train(data, dir, "h2");
    assertFalse(changed.skipped());
    assertEquals(0, changed.resumedFrom());
    assertEquals(120, changed.stepsRun());
    assertEquals("h2", ModelDirectory.readCard(dir.resolve(ModelDirectory.CARD)).configHash());
  }

  @Test
  void theModelCardRoundTripsAndRecordsTheRun(@TempDir Path dir) throws IOException {
    trainer(2 * Math.PI).train(data, dir, "card");
    ModelCard card = ModelDirectory.readCard(dir.resolve(ModelDirectory.CARD));
    Path copy = dir.resolve("copy.json");
    ModelDirectory.writeCard(copy, card);
    ModelCard back = ModelDirectory.readCard(copy);
    assertEquals(Files.readString(dir.resolve(ModelDirectory.CARD)).replaceAll("\"writtenUtc\".*", ""),
        Files.readString(copy).replaceAll("\"writtenUtc\".*", ""));
    assertEquals(card.configHash(), back.configHash());
    // on a torus the card keeps the seam-cut statistics, and the standardization round-trips through the card
    Standardization stats = Standardization.onTorus(data, 2 * Math.PI);
    assertArrayEquals(stats.mean(), back.normalization().mean());
    assertArrayEquals(stats.std(), back.normalization().std());
    assertEquals(stats, back.normalization().standardization());
    assertEquals(1.0, back.sigma().min());
    assertEquals(3.0, back.sigma().max());
    assertEquals(64, back.architecture().width());
    assertEquals(2 * Math.PI, back.torusLength());
    assertTrue(back.finished());
    // the loss file has one row per step
    assertEquals(121, Files.readAllLines(dir.resolve(ModelDirectory.LOSS)).size());
  }

  @Test
  void aSigmaOutsideTheRangeStillGeneratesAndIsMarkedAsExtrapolation(@TempDir Path dir) {
    trainer(2 * Math.PI).train(data, dir, "x");
    try (MeanFlowGenerator g = new MeanFlowGenerator(MeanFlowModel.load(dir, Device.cpu()), 1, 1.0)) {
      assertTrue(g.inTrainingRange(2.25));
      assertTrue(g.inTrainingRange(3.0));
      assertFalse(g.inTrainingRange(4.0));
      float[][] x = g.generate(4.0, 300, 1);
      for (float[] axis : x) {
        for (float v : axis) {
          // on the torus every output is wrapped into [0, L)
          assertTrue(v >= 0 && v < 2 * Math.PI, "not wrapped: " + v);
        }
      }
    }
  }

  @Test
  void aCorruptedParameterFileIsAClearError(@TempDir Path dir) throws IOException {
    trainer(null).train(data, dir, "c");
    Path params = dir.resolve(ModelDirectory.PARAMS);
    byte[] bytes = Files.readAllBytes(params);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(params, bytes);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MeanFlowModel.load(dir, Device.cpu()));
    assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
    Files.write(params, new byte[] {1, 2, 3});
    assertThrows(InvalidInputException.class, () -> MeanFlowModel.load(dir, Device.cpu()));
  }

  @Test
  void anUndecodableParameterFileWithoutDigestIsAClearError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("junk.ndlist");
    Files.write(f, new byte[] {9, 9, 9, 9, 9});
    try (NDManager m = NDManager.newBaseManager()) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelDirectory.readArrays(f, null, m));
      assertTrue(e.getMessage().contains("cannot be decoded"), e.getMessage());
    }
  }

  @Test
  void aMissingModelIsAClearError(@TempDir Path dir) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MeanFlowModel.load(dir, Device.cpu()));
    assertTrue(e.getMessage().contains("card.json is missing"), e.getMessage());
  }
}
