package org.twostep.evaluation.report;

import java.awt.Color;

/**
 * A perceptually uniform sequential colour map (matplotlib's viridis, sampled at eleven points and interpolated),
 * with exact zero drawn white so an empty cell reads as empty.
 */
final class Colormap {
  private static final int[][] VIRIDIS = {
      {68, 1, 84}, {72, 36, 117}, {65, 68, 135}, {53, 95, 141}, {42, 120, 142}, {33, 145, 140}, {34, 168, 132},
      {68, 191, 112}, {122, 209, 81}, {189, 223, 38}, {253, 231, 37}};

  private Colormap() {}

  /** The colour of {@code t} in [0, 1] (clamped); white at exactly 0. Low values are dark, high values bright. */
  static Color at(double t) {
    if (!(t > 0)) {
      return Color.WHITE;
    }
    double x = Math.min(1, t) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) x);
    double f = x - i;
    int[] a = VIRIDIS[i];
    int[] b = VIRIDIS[i + 1];
    return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
        (int) Math.round(a[2] + f * (b[2] - a[2])));
  }
}
