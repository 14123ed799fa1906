package org.twostep.training.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.twostep.common.error.InvalidInputException;
import org.twostep.common.io.AtomicFiles;

/**
 * Training data as one local binary file, so a process that already holds the train split can hand it to another
 * without the second reading the particle table again (the pipeline's training JVMs would each start Spark for it).
 * Layout, little-endian: magic, dim, groups, then per group its sigma, its float count and the row-major floats. The
 * floats are copied, not converted, so a reader trains on exactly the writer's numbers.
 */
public final class TrainingDataFile {
  private static final int MAGIC = 0x54534431; // "TSD1"

  private TrainingDataFile() {}

  /** Writes {@code data} to {@code file}, atomically ({@link AtomicFiles}): a reader never sees half of it. */
  public static void write(TrainingData data, Path file) {
    int d = data.dim();
    double[] sigmas = data.sigmas();
    long bytes = 12;
    for (int g = 0; g < sigmas.length; g++) {
      bytes += 12 + 4L * data.count(g) * d;
    }
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(MAGIC).putInt(d).putInt(sigmas.length);
    float[] row = new float[d];
    for (int g = 0; g < sigmas.length; g++) {
      buf.putDouble(sigmas[g]).putInt(data.count(g) * d);
      for (int i = 0; i < data.count(g); i++) {
        data.copyRow(g, i, row, 0);
        for (float v : row) {
          buf.putFloat(v);
        }
      }
    }
    AtomicFiles.write(file, tmp -> Files.write(tmp, buf.array()));
  }

  /** Reads what {@link #write} wrote; a file of another kind or cut short is bad input naming the file. */
  public static InMemoryTrainingData read(Path file) {
    ByteBuffer buf;
    try {
      buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read training data: " + e.getMessage(), e);
    }
    try {
      if (buf.getInt() != MAGIC) {
        throw new InvalidInputException(file + ": not a twostep training-data file");
      }
      int d = buf.getInt();
      int groups = buf.getInt();
      TreeMap<Double, float[]> bySigma = new TreeMap<>();
      for (int g = 0; g < groups; g++) {
        double sigma = buf.getDouble();
        int floats = buf.getInt();
        if (floats < 0 || floats > buf.remaining() / 4) {
          throw new java.nio.BufferUnderflowException(); // a count the file cannot hold: cut short or corrupted
        }
        float[] rows = new float[floats];
        buf.asFloatBuffer().get(rows);
        buf.position(buf.position() + 4 * rows.length);
        bySigma.put(sigma, rows);
      }
      if (buf.hasRemaining()) {
        throw new InvalidInputException(file + ": " + buf.remaining() + " bytes after the last group");
      }
      return new InMemoryTrainingData(d, bySigma);
    } catch (java.nio.BufferUnderflowException e) {
      throw new InvalidInputException(file + ": training-data file cut short or malformed", e);
    }
  }
}
