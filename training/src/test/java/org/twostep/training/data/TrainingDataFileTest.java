package org.twostep.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;

class TrainingDataFileTest {
  @TempDir Path dir;

  private static InMemoryTrainingData sample() {
    Random rnd = new Random(3);
    TreeMap<Double, float[]> groups = new TreeMap<>();
    int[] counts = {5, 1, 17};
    double[] sigmas = {20, 0.1 + 0.2, 160};
    for (int g = 0; g < sigmas.length; g++) {
      float[] rows = new float[counts[g] * 3];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10));
      }
      groups.put(sigmas[g], rows);
    }
    groups.get(20.0)[0] = -0.0f; // every bit kept, the sign of zero included
    groups.get(20.0)[1] = Float.MIN_VALUE;
    return new InMemoryTrainingData(3, groups);
  }

  @Test
  void readsBackEveryBitOfEveryGroup() {
    InMemoryTrainingData data = sample();
    Path file = dir.resolve("train.bin");
    TrainingDataFile.write(data, file);
    InMemoryTrainingData back = TrainingDataFile.read(file);
    assertEquals(3, back.dim());
    assertArrayEquals(data.sigmas(), back.sigmas(), 0.0);
    for (int g = 0; g < data.sigmas().length; g++) {
      assertEquals(data.count(g), back.count(g));
      float[] a = new float[3];
      float[] b = new float[3];
      for (int i = 0; i < data.count(g); i++) {
        data.copyRow(g, i, a, 0);
        back.copyRow(g, i, b, 0);
        for (int k = 0; k < 3; k++) {
          assertEquals(Float.floatToRawIntBits(a[k]), Float.floatToRawIntBits(b[k]), "group " + g + " row " + i);
        }
      }
    }
    assertEquals(java.util.List.of("train.bin"), listNames(), "no temporary file is left beside it");
  }

  @Test
  void aForeignOrTruncatedFileIsBadInputNamingIt() throws Exception {
    Path file = dir.resolve("train.bin");
    TrainingDataFile.write(sample(), file);
    byte[] bytes = Files.readAllBytes(file);

    Path cut = dir.resolve("cut.bin");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingDataFile.read(cut));
    assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());

    Path longer = dir.resolve("longer.bin");
    Files.write(longer, Arrays.copyOf(bytes, bytes.length + 4));
    e = assertThrows(InvalidInputException.class, () -> TrainingDataFile.read(longer));
    assertTrue(e.getMessage().contains("4 bytes after the last group"), e.getMessage());

    Path foreign = dir.resolve("foreign.bin");
    Files.writeString(foreign, "x,y,z\n1,2,3\n");
    e = assertThrows(InvalidInputException.class, () -> TrainingDataFile.read(foreign));
    assertTrue(e.getMessage().contains("not a twostep training-data file"), e.getMessage());

    Path missing = dir.resolve("missing.bin");
    e = assertThrows(InvalidInputException.class, () -> TrainingDataFile.read(missing));
    assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
  }

  private java.util.List<String> listNames() {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
