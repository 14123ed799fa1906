package org.twostep.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidInputException;

/** Parquet particle tables in the layout of SPEC §7 round-trip into Arrow; bad tables are clear errors. */
class ParticleTableReaderTest {
  private static final MessageType SCHEMA_2D = MessageTypeParser.parseMessageType(
      "message particles { required binary system (STRING); required double sigma; required binary split (STRING);"
          + " required int32 replica; required int32 particle; required float x; required float y; }");

  /** Writes one part file: rows cycle through train, test, reference_b; x = 100·sigma + i, y = -i. */
  static void writePart(Path particles, String experiment, int sigmaIndex, double sigma, int rows)
      throws IOException {
    Path dir = particles.resolve("experiment=" + experiment).resolve("sigma_index=" + sigmaIndex);
    Files.createDirectories(dir);
    SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA_2D);
    String[] splits = {"train", "test", "reference_b"};
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("part-0.parquet")))
        .withType(SCHEMA_2D).build()) {
      for (int i = 0; i < rows; i++) {
        w.write(f.newGroup().append("system", "ks").append("sigma", sigma).append("split", splits[i % 3])
            .append("replica", 0).append("particle", i).append("x", (float) (100 * sigma + i))
            .append("y", (float) -i));
      }
    }
  }

  @Test
  void theTrainSplitRoundTripsIntoArrowGroupedBySigma(@TempDir Path p) throws IOException {
    writePart(p, "e", 1, 40.0, 30);
    writePart(p, "e", 0, 20.0, 9);
    try (ArrowTrainingData d = ParticleTableReader.readTrain(p, "e", 2, null)) {
      assertArrayEquals(new double[] {20.0, 40.0}, d.sigmas());
      assertEquals(3, d.count(0)); // rows 0, 3, 6 of 9
      assertEquals(10, d.count(1));
      float[] row = new float[2];
      d.copyRow(1, 4, row, 0); // the fifth train row is row 12
      assertArrayEquals(new float[] {4012f, -12f}, row);
      d.copyRow(0, 2, row, 0);
      assertArrayEquals(new float[] {2006f, -6f}, row);
      assertTrue(d.bytes() > 0);
      assertTrue(d.loadSeconds() >= 0);
    }
  }

  @Test
  void anySplitCanBeRead(@TempDir Path p) throws IOException {
    writePart(p, "e", 0, 20.0, 10);
    try (ArrowTrainingData d = ParticleTableReader.read(p, "e", 2, "reference_b", null)) {
      assertEquals(3, d.count(0)); // rows 2, 5, 8
      float[] row = new float[2];
      d.copyRow(0, 1, row, 0);
      assertArrayEquals(new float[] {2005f, -5f}, row);
    }
  }

  @Test
  void theTrainingGridSelectsGroups(@TempDir Path p) throws IOException {
    writePart(p, "e", 0, 20.0, 9);
    writePart(p, "e", 1, 40.0, 9);
    try (ArrowTrainingData d = ParticleTableReader.readTrain(p, "e", 2, new double[] {40.0})) {
      assertArrayEquals(new double[] {40.0}, d.sigmas());
    }
  }

  @Test
  void aMissingTableIsAClearError(@TempDir Path p) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ParticleTableReader.readTrain(p, "nope", 2, null));
    assertTrue(e.getMessage().contains("is missing"), e.getMessage());
  }

  @Test
  void anEmptyTableIsAClearError(@TempDir Path p) throws IOException {
    Files.createDirectories(p.resolve("experiment=e").resolve("sigma_index=0"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ParticleTableReader.readTrain(p, "e", 2, null));
    assertTrue(e.getMessage().contains("no .parquet files"), e.getMessage());
  }

  @Test
  void aTableWithoutTrainRowsAtTheGridIsAClearError(@TempDir Path p) throws IOException {
    writePart(p, "e", 0, 20.0, 9);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ParticleTableReader.readTrain(p, "e", 2, new double[] {80.0}));
    assertTrue(e.getMessage().contains("no train rows"), e.getMessage());
  }

  @Test
  void aMissingCoordinateColumnIsAClearError(@TempDir Path p) throws IOException {
    writePart(p, "e", 0, 20.0, 9);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ParticleTableReader.readTrain(p, "e", 3, null));
    assertTrue(e.getMessage().contains("no column `z`"), e.getMessage());
  }
}
