package org.twostep.training.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-step training loss ({@code loss.csv}: step, lr, loss), kept in memory and rewritten at checkpoints. */
public final class LossLog {
  private final List<double[]> rows = new ArrayList<>();

  public void add(int step, double lr, double loss) {
    rows.add(new double[] {step, lr, loss});
  }

  public int size() {
    return rows.size();
  }

  /** Step of row {@code i}. */
  public int step(int i) {
    return (int) rows.get(i)[0];
  }

  /** Loss of row {@code i}. */
  public double loss(int i) {
    return rows.get(i)[2];
  }

  public void write(Path file) {
    StringBuilder sb = new StringBuilder("step,lr,loss\n");
    for (double[] r : rows) {
      sb.append((long) r[0]).append(',').append(String.format(Locale.ROOT, "%.6g,%.8g", r[1], r[2])).append('\n');
    }
    Files2.writeAtomically(file, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The rows of {@code file} with step below {@code steps} (a resumed run continues from there). */
  public static LossLog read(Path file, int steps) {
    LossLog log = new LossLog();
    if (!Files.isRegularFile(file)) {
      return log;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split(",");
        if (f.length == 3 && !f[0].equals("step") && Integer.parseInt(f[0]) < steps) {
          log.add(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return log;
  }

  /** Mean loss per interval of {@code every} steps. */
  public List<ModelCard.CurvePoint> curve(int every) {
    List<ModelCard.CurvePoint> points = new ArrayList<>();
    for (int start = 0; start < rows.size(); start += every) {
      int end = Math.min(rows.size(), start + every);
      double sum = 0;
      for (int i = start; i < end; i++) {
        sum += rows.get(i)[2];
      }
      points.add(new ModelCard.CurvePoint((int) rows.get(end - 1)[0] + 1, sum / (end - start)));
    }
    return points;
  }
}
