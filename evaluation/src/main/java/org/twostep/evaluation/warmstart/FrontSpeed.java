package org.twostep.evaluation.warmstart;

import java.util.List;

/**
 * The front speed of SPEC §1.2 at one D from a scan of lambda: {@code c* = min over the grid of (mu(lambda) + 1) /
 * lambda}, an upper estimate of the infimum that tightens as the grid refines around the minimiser.
 *
 * @param scan mu at each lambda of the grid, ascending in lambda
 */
public record FrontSpeed(String experiment, double sigma, int sigmaIndex, List<Point> scan) {

  /** One lambda of the scan and its principal eigenvalue estimate. */
  public record Point(double lambda, double mu) {
    public double speed() {
      return (mu + 1) / lambda;
    }
  }

  public FrontSpeed {
    if (scan.isEmpty()) {
      throw new IllegalArgumentException("a front speed needs at least one lambda");
    }
    scan = List.copyOf(scan);
  }

  /** The minimising point of the scan. */
  public Point best() {
    Point best = scan.get(0);
    for (Point p : scan) {
      if (p.speed() < best.speed()) {
        best = p;
      }
    }
    return best;
  }

  public double speed() {
    return best().speed();
  }
}
