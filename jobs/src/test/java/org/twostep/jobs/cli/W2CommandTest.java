package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.data.ParticleCloud;
import org.twostep.common.ot.HistogramGrid;
import org.twostep.common.ot.Wasserstein;
import org.twostep.jobs.spark.Sessions;

/** {@code twostep w2}: the JSON it prints equals the library's W2 on the same clouds; bad input is exit code 2. */
class W2CommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("w2"));
    all.addAll(List.of(args));
    int code = Twostep.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static double field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":([-0-9.eE+]+)").matcher(json);
    assertTrue(m.find(), name + " missing in " + json);
    return Double.parseDouble(m.group(1));
  }

  private Path csv(String name, String header, double[] rowMajor, int d) throws IOException {
    StringBuilder s = new StringBuilder(header).append('\n');
    for (int i = 0; i < rowMajor.length / d; i++) {
      for (int k = 0; k < d; k++) {
        s.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", rowMajor[i * d + k]));
      }
      s.append('\n');
    }
    return Files.writeString(dir.resolve(name), s.toString());
  }

  private static double[] cloud(long seed, int n, int d, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian() + (i % d == 0 ? shift : 0);
    }
    return x;
  }

  @Test
  void printsTheHistogramW2OfTheLibraryAsOneJsonObject() throws IOException {
    double[] a = cloud(1, 2000, 3, 0);
    double[] b = cloud(2, 1500, 3, 0.3);
    Run r = run(csv("a.csv", "x,y,z", a, 3).toString(), csv("b.csv", "x,y,z", b, 3).toString(), "--bins", "12");
    assertEquals(0, r.code(), r.err());
    double expected = Wasserstein.histogram(ParticleCloud.ofRowMajor(3, a), ParticleCloud.ofRowMajor(3, b), 12,
        HistogramGrid.DEFAULT_PADDING).w2sq();
    assertEquals(expected, field(r.out(), "w2sq"), 1e-12);
    assertEquals(Math.sqrt(expected), field(r.out(), "w2"), 1e-12);
    assertTrue(field(r.out(), "cells_a") > 100 && field(r.out(), "seconds") >= 0);
    assertEquals(1, r.out().strip().lines().count());
  }

  @Test
  void subsampleZeroComparesAllPointsWithoutBinning() throws IOException {
    double[] a = cloud(3, 300, 2, 0);
    double[] b = cloud(4, 250, 2, 1);
    Run r = run(csv("a.csv", "x,y", a, 2).toString(), csv("b.csv", "x,y", b, 2).toString(), "--subsample", "0");
    assertEquals(0, r.code(), r.err());
    double expected = Wasserstein.subsample(ParticleCloud.ofRowMajor(2, a), ParticleCloud.ofRowMajor(2, b), 0, 0L)
        .w2sq();
    assertEquals(expected, field(r.out(), "w2sq"), 1e-12);
    assertEquals(300, field(r.out(), "cells_a"));
    assertEquals(250, field(r.out(), "cells_b"));
  }

  @Test
  void readsParquetLikeCsv() throws IOException {
    double[] a = cloud(5, 400, 3, 0);
    double[] b = cloud(6, 400, 3, 0.5);
    StructType schema = new StructType().add("particle", DataTypes.IntegerType).add("x", DataTypes.FloatType)
        .add("y", DataTypes.FloatType).add("z", DataTypes.FloatType);
    List<Row> rows = new ArrayList<>();
    float[] rounded = new float[a.length];
    for (int i = 0; i < 400; i++) {
      rows.add(RowFactory.create(i, (float) a[3 * i], (float) a[3 * i + 1], (float) a[3 * i + 2]));
      for (int k = 0; k < 3; k++) {
        rounded[3 * i + k] = (float) a[3 * i + k];
      }
    }
    Dataset<Row> table = Sessions.get().createDataFrame(rows, schema).coalesce(1);
    Path parquet = dir.resolve("a.parquet");
    table.write().parquet(parquet.toString());
    Run r = run(parquet.toString(), csv("b.csv", "x,y,z", b, 3).toString(), "--bins", "8");
    assertEquals(0, r.code(), r.err());
    double expected = Wasserstein.histogram(ParticleCloud.ofRowMajor(3, rounded), ParticleCloud.ofRowMajor(3, b), 8,
        HistogramGrid.DEFAULT_PADDING).w2sq();
    assertEquals(expected, field(r.out(), "w2sq"), 1e-12);
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() throws IOException {
    Path ok = csv("ok.csv", "x,y,z", cloud(7, 50, 3, 0), 3);
    Path flat = csv("flat.csv", "x,y", cloud(8, 50, 2, 0), 2);
    Path nan = Files.writeString(dir.resolve("nan.csv"), "x,y,z\n0,1,2\n0,NaN,1\n");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "x,y,z\n");
    List<List<String>> cases = List.of(
        List.of(ok.toString(), dir.resolve("missing.csv").toString()),
        List.of(ok.toString(), flat.toString()),
        List.of(ok.toString(), nan.toString()),
        List.of(empty.toString(), ok.toString()),
        List.of(ok.toString(), ok.toString(), "--bins", "0"));
    for (List<String> args : cases) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), args + ": " + r.out() + r.err());
      assertEquals(1, r.err().strip().lines().count(), args + ": " + r.err());
      assertTrue(r.err().startsWith("twostep w2: "), r.err());
      assertEquals("", r.out());
    }
  }
}
