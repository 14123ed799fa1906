package org.twostep.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" tick values (1, 2 or 5 times a power of ten apart) inside an interval, and their labels. */
final class AxisTicks {
  private AxisTicks() {}

  /** About {@code target} ticks inside [lo, hi], multiples of a 1-2-5 step. */
  static double[] of(double lo, double hi, int target) {
    double raw = (hi - lo) / Math.max(1, target);
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9 * step; t += step) {
      ticks.add(Math.abs(t) < 1e-12 * step ? 0.0 : t);
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A short label: no trailing zeros, scientific only for very small or large values. */
  static String label(double v) {
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e5)) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    return s.equals("-0") ? "0" : s;
  }
}
