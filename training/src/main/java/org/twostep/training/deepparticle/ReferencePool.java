package org.twostep.training.deepparticle;

import java.util.SplittableRandom;
import org.twostep.training.data.TrainingData;

/**
 * The reference particles of each training sigma in model coordinates, split once into a training part (the first
 * rows) and a held-out validation part (the last {@code validationFraction} of each group, capped). Training batches
 * draw without replacement when the part is large enough, else with replacement.
 */
final class ReferencePool {
  private final float[][] train;
  private final float[][] validation;
  private final int dim;

  ReferencePool(TrainingData data, Coordinates coords, double validationFraction, int validationCap) {
    int groups = data.sigmas().length;
    this.dim = data.dim();
    this.train = new float[groups][];
    this.validation = new float[groups][];
    float[] row = new float[dim];
    for (int g = 0; g < groups; g++) {
      int count = data.count(g);
      int held = Math.min(validationCap, (int) Math.floor(count * validationFraction));
      if (count - held < 1) {
        held = count - 1;
      }
      train[g] = new float[(count - held) * dim];
      validation[g] = new float[held * dim];
      for (int i = 0; i < count; i++) {
        data.copyRow(g, i, row, 0);
        float[] dst = i < count - held ? train[g] : validation[g];
        int o = (i < count - held ? i : i - (count - held)) * dim;
        for (int k = 0; k < dim; k++) {
          dst[o + k] = (float) coords.toModel(row[k], k);
        }
      }
    }
  }

  int trainCount(int group) {
    return train[group].length / dim;
  }

  /** The held-out rows of a group (row-major, model coordinates; shared, do not modify). */
  float[] validation(int group) {
    return validation[group];
  }

  /** n training rows of a group (row-major), drawn with the given stream. */
  float[] draw(int group, int n, SplittableRandom rng) {
    int count = trainCount(group);
    float[] out = new float[n * dim];
    if (n <= count) {
      int[] idx = new int[count];
      for (int i = 0; i < count; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < n; i++) {
        int j = i + rng.nextInt(count - i);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        System.arraycopy(train[group], idx[i] * dim, out, i * dim, dim);
      }
    } else {
      for (int i = 0; i < n; i++) {
        System.arraycopy(train[group], rng.nextInt(count) * dim, out, i * dim, dim);
      }
    }
    return out;
  }
}
