package org.twostep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.config.ConfigLoader;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.jobs.pipeline.RunLayout;
import org.twostep.jobs.spark.GeneratedFixtures;
import org.twostep.jobs.spark.Sessions;

/** simulate -> (generated fixture) -> evaluate -> report through the launcher, for a KS and a KPP experiment. */
class EvaluateReportCommandTest {
  @TempDir Path dir;

  static final SparkSession SPARK = Sessions.get();


  private List<String> args(String command, String experiment, Path out, List<String> overrides) {
    List<String> a = new ArrayList<>(List.of(command, "--config", "../conf/" + experiment + ".conf", "--profile", "quick",
        "--out", out.toString()));
    a.addAll(overrides);
    return a;
  }

  private RunContext context(String experiment, Path out, List<String> overrides) {
    var c = ConfigLoader.load(Path.of("../conf/" + experiment + ".conf"), "quick", overrides);
    return new RunContext(c, new RunLayout(out.toString()), SigmaCatalogue.from(c), "test");
  }

  /**
   * The plots report.md links, checked to decode as PNG: the charts at the configured size, the projection panels
   * within it (rows of square panels may use up to a square) and filling one side of it.
   */
  private static List<Path> linkedPictures(Path run, int width, int height) throws IOException {
    String md = Files.readString(run.resolve("report.md"));
    Matcher m = Pattern.compile("\\]\\((plots/[^)]+\\.png)\\)").matcher(md);
    List<Path> linked = new ArrayList<>();
    while (m.find()) {
      Path p = run.resolve(m.group(1));
      BufferedImage img = ImageIO.read(p.toFile());
      String name = p.getFileName().toString();
      if (name.startsWith("w2") || name.startsWith("mu_n")) {
        assertEquals(width, img.getWidth(), p.toString());
        assertEquals(height, img.getHeight(), p.toString());
      } else if (name.startsWith("projections")) {
        int maxHeight = Math.max(width, height);
        assertTrue(img.getWidth() <= width && img.getHeight() <= maxHeight, p + " " + img.getWidth() + "x"
            + img.getHeight());
        assertTrue(img.getWidth() > width - 4 || img.getHeight() > maxHeight - 4, p + " fills its canvas");
      }
      linked.add(p);
    }
    return linked;
  }

  @Test
  void ksEvaluateThenReportWritesTablesAndPictures() throws IOException {
    Path out = dir.resolve("ks");
    List<String> o = List.of("ks.particles=64", "ks.t_end=0.002", "sigma.train=[20, 40]", "sigma.test=[20, 40, 60]",
        "report.width=640", "report.height=400");
    assertEquals(0, CliRun.of(args("simulate", "ks-laminar-3d", out, o)).code());
    RunContext ctx = context("ks-laminar-3d", out, o);
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "test", GeneratedFixtures.shiftX(0.2));
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", GeneratedFixtures.shiftX(0.1));
    CliRun eval = CliRun.of(args("evaluate", "ks-laminar-3d", out, o));
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("| sigma | meanflow | meanflow_dp | noise_floor | DP/MF |"), eval.out());
    assertTrue(eval.out().contains("15 computed"), "3 floor replicas and 2 models at 3 sigma: " + eval.out());
    assertTrue(CliRun.of(args("evaluate", "ks-laminar-3d", out, o)).out().contains("15 skipped"), "a second run does no work");
    CliRun report = CliRun.of(args("report", "ks-laminar-3d", out, o));
    assertEquals(0, report.code(), report.err());
    List<Path> pictures = linkedPictures(out, 640, 400);
    CliRun again = CliRun.of(args("report", "ks-laminar-3d", out, o));
    assertTrue(again.out().contains("up to date"), "a second run does no work: " + again.out());
    GeneratedFixtures.write(SPARK, ctx, "imm", "test", GeneratedFixtures.shiftX(0.3));
    assertTrue(CliRun.of(args("evaluate", "ks-laminar-3d", out, o)).out().contains("3 computed"), "only imm's pairs");
    CliRun redo = CliRun.of(args("report", "ks-laminar-3d", out, o));
    assertFalse(redo.out().contains("up to date"), "new metrics make the report stale: " + redo.out());
    assertTrue(Files.readString(out.resolve("report.md")).contains("| sigma | imm | meanflow |"));
    // W2 vs sigma and the default projections, each with its marginals: one sigma in range (20 or 40) and the
    // extrapolation 60
    assertEquals(1 + 2 * 2, pictures.size(), pictures.toString());
    List<String> projections = pictures.stream().map(p -> p.getFileName().toString())
        .filter(n -> n.startsWith("projections_")).toList();
    assertEquals(2, projections.size(), pictures.toString());
    assertTrue(projections.get(1).contains("60"), pictures.toString());
    assertTrue(pictures.stream().anyMatch(p -> p.getFileName().toString().equals("marginals_sigma_60.png")));
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| 60 * |"), "extrapolation row marked: " + md);
  }

  @Test
  void kppReportHasTheWarmStartTableAndPlots() throws IOException {
    Path out = dir.resolve("kpp");
    List<String> o = List.of("kpp.particles=100", "kpp.reference_generations=4", "kpp.substeps=10",
        "sigma.train=[0.125, 0.25]", "sigma.test=[0.0625, 0.125, 0.25]", "warm_start.generations=4",
        "report.width=500", "report.height=300");
    assertEquals(0, CliRun.of(args("simulate", "kpp-cellular-2d", out, o)).code());
    RunContext ctx = context("kpp-cellular-2d", out, o);
    GeneratedFixtures.write(SPARK, ctx, "meanflow", "reference_b", d -> d);
    GeneratedFixtures.write(SPARK, ctx, "meanflow_dp", "test", d -> d);
    CliRun eval = CliRun.of(args("evaluate", "kpp-cellular-2d", out, o));
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("warm start kpp-cellular-2d: 9 run(s) planned"), eval.out());
    CliRun report = CliRun.of(args("report", "kpp-cellular-2d", out, o));
    assertEquals(0, report.code(), report.err());
    List<Path> pictures = linkedPictures(out, 500, 300);
    assertEquals(1 + 2 * 2 + 3, pictures.size(), "W2, two projections and their marginals, mu_n at three D: "
        + pictures);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("torus_w2"), md);
    for (String start : List.of("cold", "meanflow", "meanflow_dp")) {
      assertTrue(md.contains("Start " + start + ":\n\n| D | reference | n=1 | n=2 | n=4 |"), md);
    }
  }

  @Test
  void badInputIsOneLineNamingModelAndSigmaWithExitTwo() throws IOException {
    Path out = dir.resolve("bad");
    List<String> o = new ArrayList<>(List.of("ks.particles=32", "ks.t_end=0.002", "sigma.train=[20, 40]",
        "sigma.test=[20, 40, 60]"));
    assertEquals(0, CliRun.of(args("simulate", "ks-laminar-3d", out, o)).code());
    GeneratedFixtures.write(SPARK, context("ks-laminar-3d", out, o), "meanflow", "test", d -> d);
    o.add("evaluate.models=[meanflow, meanflow_dp]");
    CliRun r = CliRun.of(args("evaluate", "ks-laminar-3d", out, o));
    assertEquals(Twostep.EXIT_BAD_INPUT, r.code(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("meanflow_dp") && r.err().contains("sigma 20.0"), r.err());
    assertFalse(Files.exists(out.resolve("metrics")), "nothing is written");
    CliRun noEval = CliRun.of(args("report", "ks-laminar-3d", out, List.of()));
    assertEquals(Twostep.EXIT_BAD_INPUT, noEval.code());
    assertTrue(noEval.err().contains("evaluate"), noEval.err());
  }
}
