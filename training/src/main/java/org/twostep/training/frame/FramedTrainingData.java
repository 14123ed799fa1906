package org.twostep.training.frame;

import org.twostep.training.data.TrainingData;

/** Training data seen in a {@link SigmaFrame}: each group's rows moved by the frame at the group's sigma. */
public final class FramedTrainingData implements TrainingData {
  private final TrainingData data;
  private final SigmaFrame frame;

  /** A view of {@code data} (not closed by this view). */
  public FramedTrainingData(TrainingData data, SigmaFrame frame) {
    if (frame.dim() != data.dim()) {
      throw new IllegalArgumentException("frame of " + frame.dim() + " axes over data of " + data.dim());
    }
    this.data = data;
    this.frame = frame;
  }

  @Override
  public int dim() {
    return data.dim();
  }

  @Override
  public double[] sigmas() {
    return data.sigmas();
  }

  @Override
  public int count(int group) {
    return data.count(group);
  }

  @Override
  public void copyRow(int group, int row, float[] dst, int offset) {
    data.copyRow(group, row, dst, offset);
    frame.toFrame(dst, offset, data.sigmas()[group]);
  }
}
