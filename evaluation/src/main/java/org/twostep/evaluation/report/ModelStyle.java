package org.twostep.evaluation.report;

import java.awt.Color;
import java.util.Map;
import org.twostep.evaluation.metrics.Models;

/** One colour and one display name per model (and per KPP start), so every chart of a page agrees. */
public final class ModelStyle {
  public static final String REFERENCE = "reference";
  private static final Map<String, Color> COLORS = Map.of(
      REFERENCE, new Color(20, 20, 20),
      Models.MEANFLOW, new Color(31, 119, 180),
      Models.MEANFLOW_DP, new Color(214, 39, 40),
      "meanflow_2step", new Color(44, 160, 44),
      "imm", new Color(255, 127, 14),
      Models.NOISE_FLOOR, new Color(90, 90, 90),
      "cold", new Color(148, 103, 189));
  private static final Color[] OTHERS = {new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207)};

  private ModelStyle() {}

  /** The model's colour; models without one get one of a few others by name (stable across charts). */
  public static Color color(String model) {
    Color c = COLORS.get(model);
    if (c == null && model.startsWith(Models.MEANFLOW_DP)) { // corrector variants (Sinkhorn) are correctors too
      c = COLORS.get(Models.MEANFLOW_DP).darker();
    }
    return c != null ? c : OTHERS[Math.floorMod(model.hashCode(), OTHERS.length)];
  }

  /** The name a reader sees: "MeanFlow + DP" for meanflow_dp, the model name when it has no title. */
  public static String title(String model) {
    return model.equals(REFERENCE) ? "Reference" : ResultsPage.TITLES.getOrDefault(model, model);
  }

  /** The colour with alpha {@code alpha} (0-255). */
  public static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
