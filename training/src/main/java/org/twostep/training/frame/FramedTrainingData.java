package org.twostep.training.frame;

import org.twostep.training.data.TrainingData;

/** Training data seen in a {@link SigmaTrend} frame: each group's rows moved by the frame at the group's sigma. */
public final class FramedTrainingData implements TrainingData {
  private final TrainingData data;
  private final SigmaTrend trend;

  /** A view of {@code data} (not closed by this view). */
  public FramedTrainingData(TrainingData data, SigmaTrend trend) {
    if (trend.dim() != data.dim()) {
      throw new IllegalArgumentException("frame of " + trend.dim() + " axes over data of " + data.dim());
    }
    this.data = data;
    this.trend = trend;
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
    double sigma = data.sigmas()[group];
    for (int k = 0; k < dim(); k++) {
      dst[offset + k] = (float) trend.toFrame(dst[offset + k], k, sigma);
    }
  }
}
