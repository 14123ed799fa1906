package org.twostep.evaluation.report;

import java.awt.Color;

/**
 * A sequential colour map from pale to dark blue (ColorBrewer's "Blues", its palest steps left out so the sparsest
 * cell still stands out from the white page), interpolated; exact zero is white so an empty cell reads as empty.
 * Light for little mass, dark for much: a cloud reads like ink on paper.
 */
final class Colormap {
  private static final int[][] BLUES = {
      {198, 219, 239}, {158, 202, 225}, {107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 81, 156}, {8, 48, 107},
      {3, 19, 60}};

  private Colormap() {}

  /** The colour of {@code t} in [0, 1] (clamped); white at exactly 0. Low values are pale, high values dark. */
  static Color at(double t) {
    if (!(t > 0)) {
      return Color.WHITE;
    }
    double x = Math.min(1, t) * (BLUES.length - 1);
    int i = Math.min(BLUES.length - 2, (int) x);
    double f = x - i;
    int[] a = BLUES[i];
    int[] b = BLUES[i + 1];
    return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
        (int) Math.round(a[2] + f * (b[2] - a[2])));
  }
}
