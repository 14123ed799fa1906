package org.twostep.training.meanflow;

/** Cosine decay of the learning rate from {@code lr} at step 0 to {@code lrMin} at the last step. */
public record CosineSchedule(double lr, double lrMin, int steps) {

  public double at(int step) {
    double progress = steps <= 1 ? 1.0 : Math.min(1.0, step / (double) (steps - 1));
    return lrMin + 0.5 * (lr - lrMin) * (1 + Math.cos(Math.PI * progress));
  }
}
