package org.twostep.training.progress;

import java.util.ArrayList;
import java.util.List;

/** Records every call a trainer makes, for tests to compare with what the trainer wrote. */
public final class RecordingListener implements TrainingListener {
  public final List<int[]> starts = new ArrayList<>();
  public final List<Integer> steps = new ArrayList<>();
  public final List<Double> losses = new ArrayList<>();
  /** (step, value, best) per validation. */
  public final List<double[]> validations = new ArrayList<>();

  @Override
  public void started(int firstStep, int totalSteps) {
    starts.add(new int[] {firstStep, totalSteps});
  }

  @Override
  public void step(int step, double loss) {
    steps.add(step);
    losses.add(loss);
  }

  @Override
  public void validated(int step, double value, double best) {
    validations.add(new double[] {step, value, best});
  }
}
