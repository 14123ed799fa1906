package org.twostep.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.twostep.common.error.InvalidInputException;

/**
 * Reads the train split of {@code DIR/particles} (SPEC §7: hive partitions
 * {@code experiment=<name>/sigma_index=<i>/part-*.parquet}) without Spark: parquet-hadoop's column readers, straight
 * into Arrow vectors, one group per sigma. Only {@code split}, {@code sigma} and the coordinate columns are decoded.
 */
public final class ParticleTableReader {
  private static final String[] AXES = {"x", "y", "z", "w"};

  private ParticleTableReader() {}

  /**
   * The train split of {@code experiment} in {@code particlesDir}, restricted to the given training sigma when
   * {@code trainingSigma} is not null (matched to a relative 1e-9).
   */
  public static ArrowTrainingData readTrain(Path particlesDir, String experiment, int dim, double[] trainingSigma) {
    return read(particlesDir, experiment, dim, "train", trainingSigma);
  }

  /**
   * The rows of one split ({@code train | test | reference_b}), grouped by sigma, restricted to the given sigma when
   * {@code sigmaFilter} is not null.
   */
  public static ArrowTrainingData read(Path particlesDir, String experiment, int dim, String split,
      double[] sigmaFilter) {
    double[] trainingSigma = sigmaFilter;
    Binary wanted = Binary.fromString(split);
    if (dim < 1 || dim > AXES.length) {
      throw new IllegalArgumentException("dimension must be 1..4, found " + dim);
    }
    long t0 = System.nanoTime();
    Path root = particlesDir.resolve("experiment=" + experiment);
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException("particles table " + root + " is missing (run `twostep simulate` first)");
    }
    BufferAllocator allocator = new RootAllocator();
    TreeMap<Double, Float4Vector[]> groups = new TreeMap<>();
    try {
      for (Path file : parquetFiles(root)) {
        readFile(file, dim, wanted, trainingSigma, allocator, groups);
      }
      if (groups.isEmpty()) {
        throw new InvalidInputException("particles table " + root + " has no " + split + " rows"
            + (trainingSigma == null ? "" : " at the training sigma " + java.util.Arrays.toString(trainingSigma)));
      }
    } catch (RuntimeException e) {
      groups.values().forEach(g -> java.util.Arrays.stream(g).forEach(Float4Vector::close));
      allocator.close();
      throw e;
    }
    double[] sigmas = groups.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    return new ArrowTrainingData(allocator, sigmas, groups.values().toArray(new Float4Vector[0][]),
        (System.nanoTime() - t0) * 1e-9);
  }

  private static List<Path> parquetFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList());
      if (files.isEmpty()) {
        throw new InvalidInputException("particles table " + root + " holds no .parquet files");
      }
      return files;
    } catch (IOException e) {
      throw new InvalidInputException("cannot list particles table " + root + ": " + e.getMessage(), e);
    }
  }

  private static void readFile(Path file, int dim, Binary wanted, double[] trainingSigma, BufferAllocator allocator,
      TreeMap<Double, Float4Vector[]> groups) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
        ParquetReadOptions.builder().build())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      ColumnDescriptor split = column(schema, "split", file);
      ColumnDescriptor sigma = column(schema, "sigma", file);
      ColumnDescriptor[] axes = new ColumnDescriptor[dim];
      for (int k = 0; k < dim; k++) {
        axes[k] = column(schema, AXES[k], file);
      }
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
            new DummyRecordConverter(schema).getRootConverter(), schema, createdBy);
        RowGroupReader.append(store, pages.getRowCount(), split, wanted, sigma, axes, trainingSigma, allocator,
            groups, file);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException i) {
        throw i;
      }
      throw new InvalidInputException("cannot read particle file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ColumnDescriptor column(MessageType schema, String name, Path file) {
    if (!schema.containsPath(new String[] {name})) {
      throw new InvalidInputException("particle file " + file + " has no column `" + name + "`");
    }
    return schema.getColumnDescription(new String[] {name});
  }

  /** Decodes one row group column by column. */
  private static final class RowGroupReader {
    private RowGroupReader() {}

    static void append(ColumnReadStoreImpl store, long rows, ColumnDescriptor split, Binary wanted,
        ColumnDescriptor sigma,
        ColumnDescriptor[] axes, double[] trainingSigma, BufferAllocator allocator,
        TreeMap<Double, Float4Vector[]> groups, Path file) {
      int n = Math.toIntExact(rows);
      boolean[] keep = new boolean[n];
      double[] sig = new double[n];
      ColumnReader s = store.getColumnReader(split);
      ColumnReader g = store.getColumnReader(sigma);
      for (int i = 0; i < n; i++) {
        keep[i] = present(s, split) && s.getBinary().equals(wanted);
        s.consume();
        sig[i] = present(g, sigma) ? g.getDouble() : Double.NaN;
        g.consume();
        if (keep[i] && trainingSigma != null && !onGrid(sig[i], trainingSigma)) {
          keep[i] = false;
        }
      }
      for (int k = 0; k < axes.length; k++) {
        ColumnReader c = store.getColumnReader(axes[k]);
        for (int i = 0; i < n; i++) {
          float v = present(c, axes[k]) ? c.getFloat() : Float.NaN;
          c.consume();
          if (!keep[i]) {
            continue;
          }
          if (!Float.isFinite(v)) {
            throw new InvalidInputException("particle file " + file + " has a non-finite `"
                + axes[k].getPath()[0] + "` in row " + i + " of a row group");
          }
          Float4Vector vec = groups.computeIfAbsent(sig[i], x -> newGroup(allocator, axes.length))[k];
          int at = vec.getValueCount();
          vec.setSafe(at, v);
          vec.setValueCount(at + 1);
        }
      }
    }

    private static boolean present(ColumnReader r, ColumnDescriptor d) {
      return r.getCurrentDefinitionLevel() == d.getMaxDefinitionLevel();
    }

    private static boolean onGrid(double v, double[] grid) {
      for (double x : grid) {
        if (Math.abs(x - v) <= 1e-9 * Math.max(Math.abs(x), Math.abs(v))) {
          return true;
        }
      }
      return false;
    }

    private static Float4Vector[] newGroup(BufferAllocator allocator, int dim) {
      Float4Vector[] axes = new Float4Vector[dim];
      for (int k = 0; k < dim; k++) {
        axes[k] = new Float4Vector(AXES[k], allocator);
        axes[k].allocateNew(4096);
      }
      return axes;
    }
  }
}
