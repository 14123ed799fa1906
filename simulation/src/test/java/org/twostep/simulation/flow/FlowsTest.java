package org.twostep.simulation.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.twostep.simulation.config.LaminarProfile;

class FlowsTest {
  private static final List<VelocityField> ALL = List.of(
      new LaminarFlow(37.0, LaminarProfile.GAUSSIAN, 3),
      new LaminarFlow(37.0, LaminarProfile.POISEUILLE, 3),
      new LaminarFlow(37.0, LaminarProfile.GAUSSIAN, 4),
      new KolmogorovFlow(11.0),
      new CellularFlow(1.0),
      new TimeDependentKolmogorovFlow());

  /** Every flow is divergence-free: central differences of div v vanish to truncation error. */
  @Test
  void divergenceFree() {
    SplittableRandom rng = new SplittableRandom(7);
    double h = 1e-5;
    for (VelocityField f : ALL) {
      for (int trial = 0; trial < 50; trial++) {
        double t = rng.nextDouble();
        double[] p = new double[f.dim()];
        for (int k = 0; k < p.length; k++) {
          p[k] = rng.nextDouble(-1.5, 1.5);
        }
        double div = 0;
        for (int k = 0; k < p.length; k++) {
          double[] a = p.clone();
          double[] b = p.clone();
          a[k] += h;
          b[k] -= h;
          div += (f.at(t, a)[k] - f.at(t, b)[k]) / (2 * h);
        }
        assertEquals(0.0, div, 1e-5, f + " at " + java.util.Arrays.toString(p));
      }
    }
  }

  @Test
  void laminarMovesTheAxisAtSigmaAndDecaysAway() {
    LaminarFlow g = new LaminarFlow(5.0, LaminarProfile.GAUSSIAN, 3);
    assertArrayEquals(new double[] {5.0, 0, 0}, g.at(0, 0.3, 0, 0), 0);
    assertEquals(5.0 * Math.exp(-0.5), g.at(0, 9, 0.5, 0.5)[0], 1e-15);
    LaminarFlow p = new LaminarFlow(5.0, LaminarProfile.POISEUILLE, 4);
    assertArrayEquals(new double[] {5.0 * 0.5, 0, 0, 0}, p.at(0, 1, 0.5, 0.5, 3), 1e-15); // x4 does not enter f
    assertEquals(0.0, p.at(0, 0, 1, 1, 0)[0], 0); // clipped outside the pipe
  }

  /** The one-cosine evaluation is the SPEC's field (cos y + a sin y, cos x + a sin x) to rounding, at any t and point. */
  @Test
  void cellularIsTheSpecFormulaAtAnyTimeAndPoint() {
    SplittableRandom rng = new SplittableRandom(11);
    for (double theta : new double[] {0.0, 0.3, 1.0, 4.0}) {
      CellularFlow f = new CellularFlow(theta);
      for (int trial = 0; trial < 500; trial++) {
        double t = rng.nextDouble(0, 3);
        double px = rng.nextDouble(-1, 2 * Math.PI + 1);
        double py = rng.nextDouble(-1, 2 * Math.PI + 1);
        double a = theta * Math.cos(2 * Math.PI * t);
        double[] spec = {Math.cos(py) + a * Math.sin(py), Math.cos(px) + a * Math.sin(px)};
        assertArrayEquals(spec, f.at(t, px, py), 1e-14 * (1 + theta), "theta " + theta + ", t " + t);
      }
    }
  }

  @Test
  void kolmogorovFormula() {
    double[] v = new KolmogorovFlow(2.0).at(0, 0.1, 0.2, 0.3);
    assertArrayEquals(new double[] {2 * Math.sin(0.3), 2 * Math.sin(0.1), 2 * Math.sin(0.2)}, v, 1e-15);
    double s = Math.sin(2 * Math.PI * 0.3);
    double[] w = new TimeDependentKolmogorovFlow().at(0.3, 0.1, 0.2, 0.3);
    assertArrayEquals(new double[] {Math.sin(0.3 + s), Math.sin(0.1 + s), Math.sin(0.2 + s)}, w, 1e-15);
  }

  @Test
  void kppFlowsArePeriodicInTimeAndSpace() {
    for (VelocityField f : List.of(new CellularFlow(1.0), new TimeDependentKolmogorovFlow())) {
      double[] p = f.dim() == 2 ? new double[] {0.4, 1.9} : new double[] {0.4, 1.9, 5.1};
      double[] q = p.clone();
      for (int k = 0; k < q.length; k++) {
        q[k] += 2 * Math.PI;
      }
      assertArrayEquals(f.at(0.37, p), f.at(1.37, p), 1e-12);
      assertArrayEquals(f.at(0.37, p), f.at(0.37, q), 1e-12);
    }
    // theta cos(2 pi t) switches the sine part on and off
    assertArrayEquals(new double[] {Math.cos(1.9) + Math.sin(1.9), Math.cos(0.4) + Math.sin(0.4)},
        new CellularFlow(1.0).at(0.0, 0.4, 1.9), 1e-15);
    assertArrayEquals(new double[] {Math.cos(1.9), Math.cos(0.4)}, new CellularFlow(1.0).at(0.25, 0.4, 1.9), 1e-15);
  }
}
