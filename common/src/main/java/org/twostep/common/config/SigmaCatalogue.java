package org.twostep.common.config;

import com.typesafe.config.Config;
import java.util.Arrays;
import java.util.TreeSet;
import org.twostep.common.error.InvalidConfigException;

/**
 * The training and test grids of an experiment, and {@code sigma_index}: the position of a value in the sorted
 * union of both grids. Partitions are keyed by it; values closer than a relative 1e-9 are one sigma.
 * The training grid must lie inside the test range (SPEC §1: test beyond training is extrapolation).
 */
public final class SigmaCatalogue {
  private final SigmaGrid train;
  private final SigmaGrid test;
  private final double[] union;

  public SigmaCatalogue(SigmaGrid train, SigmaGrid test) {
    if (!test.covers(train.min()) || !test.covers(train.max())) {
      throw new InvalidConfigException("sigma.train", train.toString(),
          "inside the test range [" + test.min() + ", " + test.max() + "] of sigma.test");
    }
    this.train = train;
    this.test = test;
    TreeSet<Double> all = new TreeSet<>();
    for (double v : train.values()) {
      all.add(v);
    }
    for (double v : test.values()) {
      if (indexIn(all.stream().mapToDouble(Double::doubleValue).toArray(), v) < 0) {
        all.add(v);
      }
    }
    this.union = all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  public static SigmaCatalogue from(Config config) {
    return new SigmaCatalogue(SigmaGrid.from(config, "sigma.train"), SigmaGrid.from(config, "sigma.test"));
  }

  public SigmaGrid train() {
    return train;
  }

  public SigmaGrid test() {
    return test;
  }

  /** The sorted union of both grids. */
  public double[] all() {
    return union.clone();
  }

  /** The sigma_index of a grid value. */
  public int indexOf(double sigma) {
    int i = indexIn(union, sigma);
    if (i < 0) {
      throw new IllegalArgumentException("sigma " + sigma + " is on neither grid " + Arrays.toString(union));
    }
    return i;
  }

  /** The sigma_index of a value on either grid (within a relative 1e-9), or -1. */
  public int find(double sigma) {
    return indexIn(union, sigma);
  }

  /** Whether the value is a point of the training grid. */
  public boolean onTrainGrid(double sigma) {
    return indexIn(train.values(), sigma) >= 0;
  }

  /** Whether the value is a point of the test grid. */
  public boolean onTestGrid(double sigma) {
    return indexIn(test.values(), sigma) >= 0;
  }

  /** Whether sigma lies in the closed training range (otherwise it is extrapolation). */
  public boolean inTrainingRange(double sigma) {
    return train.covers(sigma);
  }

  private static int indexIn(double[] sorted, double v) {
    for (int i = 0; i < sorted.length; i++) {
      if (Math.abs(sorted[i] - v) <= 1e-9 * Math.max(Math.abs(v), Math.abs(sorted[i]))) {
        return i;
      }
    }
    return -1;
  }
}
