package org.twostep.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.config.ReportConfig;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.FrontSpeed;

/** The report links every picture it writes, each a PNG of the configured size, and holds the tables. */
class ReportWriterTest {
  @TempDir Path dir;

  @Test
  void everyLinkedPictureExistsAtTheConfiguredSize() throws IOException {
    Map<String, ParticleCloud> clouds = new LinkedHashMap<>();
    clouds.put("reference", ProjectionImageTest.uniform(300, 2, 1));
    clouds.put("meanflow", ProjectionImageTest.uniform(300, 2, 2));
    List<EigenRow> eigen = new ArrayList<>();
    for (String start : List.of("cold", "meanflow")) {
      for (int n = 1; n <= 8; n++) {
        eigen.add(new EigenRow("kpp", 0.25, 3, "warm_start", start, n, 0.7, 0.7 - (start.equals("cold") ? 0.3 / n : 0)));
      }
    }
    ReportInputs in = new ReportInputs("kpp", Rows.table(new double[] {0.0625, 0.25}, 0.25, "meanflow", "meanflow_dp",
        "noise_floor"), 0.088, 0.25, true, Map.of(0.25, new ReportInputs.Projection(clouds, PlotBox.torus(2, 1.0))),
        eigen, Map.of(3, 0.71), List.of(new FrontSpeed("kpp", 0.25, 3, List.of(new FrontSpeed.Point(2, 0.9)))),
        List.of(new TrainingCurveChart.Curve("meanflow", new int[] {0, 1, 2}, new double[] {3, 2, 1}, new int[0],
            new double[0])));
    ReportConfig config = new ReportConfig(new double[] {0.25}, List.of("meanflow"), 32, 500, 300);
    ReportWriter.Written w = new ReportWriter(config).write(dir, in);
    String md = Files.readString(w.report());
    Matcher links = Pattern.compile("\\]\\((plots/[^)]+\\.png)\\)").matcher(md);
    List<Path> linked = new ArrayList<>();
    while (links.find()) {
      linked.add(dir.resolve(links.group(1)));
    }
    assertEquals(w.plots(), linked, "every picture is linked once, in order");
    List<String> names = linked.stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("w2_vs_sigma.png", "projections_sigma_0.25000.png", "marginals_sigma_0.25000.png",
        "mu_n_sigma_0.25000.png", ReportWriter.TRAINING_CURVES), names);
    for (Path p : linked) {
      BufferedImage img = ImageIO.read(p.toFile());
      boolean chart = p.getFileName().toString().startsWith("w2") || p.getFileName().toString().startsWith("mu_n");
      if (chart) {
        assertEquals(500, img.getWidth(), p.toString());
        assertEquals(300, img.getHeight(), p.toString());
      } else {
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0, p.toString());
      }
    }
    assertTrue(md.contains("| sigma | meanflow | meanflow_dp | noise_floor | DP/MF |"), md);
    assertTrue(md.contains("Start cold:\n\n| D | reference | n=1 | n=2 | n=4 | n=8 |"), md);
    assertTrue(md.contains("| 0.25000 | 0.7100 | 0.4000 | 0.5500 |"), "reference, then cold mu_1 = 0.4, mu_2 = 0.55: " + md);
    assertTrue(md.contains("| 0.25000 | 0.9500 | 2.000 |"), "front speed (0.9 + 1) / 2: " + md);
  }
}
