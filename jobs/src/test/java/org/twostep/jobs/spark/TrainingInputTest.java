package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.data.TrainingData;

/** The training input read with Spark: published units only, grouped by sigma, each in particle order. */
class TrainingInputTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();

  /** Publishes one unit of a 2D table, rows in shuffled order: x = 100 sigma + particle, y = -particle. */
  private String publish(int sigmaIndex, double sigma, String split, int rows) {
    String table = dir.resolve("particles").toString();
    List<Row> list = new ArrayList<>(ParticleTables.rows("e", "ks", sigma, sigmaIndex, split, 0, cloud(sigma, rows)));
    Collections.shuffle(list, new java.util.Random(sigmaIndex));
    new PartitionPublisher(SPARK, table).publishUnit(new PartitionPublisher.Unit("e", sigmaIndex, split),
        SPARK.createDataFrame(list, ParticleTables.particles(2)), CompletionMarker.of("h", "test").withSigma(sigma));
    return table;
  }

  private static float[][] cloud(double sigma, int rows) {
    float[][] c = new float[2][rows];
    for (int i = 0; i < rows; i++) {
      c[0][i] = (float) (100 * sigma + i);
      c[1][i] = -i;
    }
    return c;
  }

  @Test
  void theTrainSplitArrivesGroupedBySigmaInParticleOrder() {
    publish(1, 40.0, "train", 30);
    publish(0, 20.0, "train", 9);
    String table = publish(0, 20.0, "test", 5);
    TrainingInput.Loaded l = TrainingInput.readTrain(SPARK, table, "e", 2, null);
    TrainingData d = l.data();
    assertArrayEquals(new double[] {20.0, 40.0}, d.sigmas());
    assertEquals(9, d.count(0));
    assertEquals(30, d.count(1));
    assertEquals(39, l.rows());
    float[] row = new float[2];
    for (int i = 0; i < 30; i++) {
      d.copyRow(1, i, row, 0);
      assertArrayEquals(new float[] {4000f + i, -i}, row, "row " + i + " is particle " + i);
    }
    assertEquals(5, TrainingInput.read(SPARK, table, "e", 2, "test", null).data().count(0), "any split");
    assertArrayEquals(new double[] {40.0}, TrainingInput.readTrain(SPARK, table, "e", 2, new double[] {40.0 + 1e-12})
        .data().sigmas(), "the grid selects groups, to a relative 1e-9");
  }

  @Test
  void aUnitWithoutItsMarkerIsNotRead() throws IOException {
    publish(0, 20.0, "train", 9);
    String table = publish(1, 40.0, "train", 30);
    Files.delete(dir.resolve("particles/experiment=e/sigma_index=1/_DONE.train.json"));
    assertArrayEquals(new double[] {20.0}, TrainingInput.readTrain(SPARK, table, "e", 2, null).data().sigmas());
  }

  @Test
  void badTablesAreClearErrors() {
    String table = publish(0, 20.0, "train", 9);
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> TrainingInput.readTrain(SPARK, table, "nope", 2, null));
    assertTrue(missing.getMessage().contains("run `twostep simulate` first"), missing.getMessage());
    InvalidInputException grid = assertThrows(InvalidInputException.class,
        () -> TrainingInput.readTrain(SPARK, table, "e", 2, new double[] {80.0}));
    assertTrue(grid.getMessage().contains("no train rows"), grid.getMessage());
    InvalidInputException axis = assertThrows(InvalidInputException.class,
        () -> TrainingInput.readTrain(SPARK, table, "e", 3, null));
    assertTrue(axis.getMessage().contains("`z`"), axis.getMessage());
  }
}
