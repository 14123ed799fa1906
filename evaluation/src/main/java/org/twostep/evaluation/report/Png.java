package org.twostep.evaluation.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes PNG files atomically (a temp file renamed into place), so a reader never sees half a picture. */
public final class Png {
  private Png() {}

  public static void write(Chart<?, ?> chart, Path file) {
    Headless.ensure();
    write(BitmapEncoder.getBufferedImage(chart), file);
  }

  public static void write(BufferedImage image, Path file) {
    Headless.ensure();
    org.twostep.common.io.AtomicFiles.write(file, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
