package org.twostep.training.generate;

import java.util.Locale;
import org.twostep.common.error.NonFiniteException;

/** The check every generated cloud passes before it is published or measured: no NaN, no infinity. */
public final class FiniteCheck {
  private FiniteCheck() {}

  /**
   * Returns {@code columns} ([axis][particle]) when every coordinate is finite.
   *
   * @throws NonFiniteException naming the experiment, the model and sigma, with the count and the first bad coordinate
   */
  public static float[][] generated(float[][] columns, String experiment, String model, double sigma) {
    int bad = 0;
    int firstParticle = -1;
    int firstAxis = -1;
    for (int k = 0; k < columns.length; k++) {
      for (int i = 0; i < columns[k].length; i++) {
        if (!Float.isFinite(columns[k][i])) {
          if (bad++ == 0 || i < firstParticle) {
            firstParticle = i;
            firstAxis = k;
          }
        }
      }
    }
    if (bad > 0) {
      throw new NonFiniteException(String.format(Locale.ROOT,
          "experiment %s, model %s, sigma %s: %d generated coordinate(s) are NaN or infinite (first at particle %d, "
              + "axis %d, value %s); the model diverged or its weights are broken", experiment, model, sigma, bad,
          firstParticle, firstAxis, columns[firstAxis][firstParticle]));
    }
    return columns;
  }
}
