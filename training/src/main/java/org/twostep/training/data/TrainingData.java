package org.twostep.training.data;

/**
 * The train split of the particle table: one group of particles per training sigma, read by index without per-row
 * objects. Implementations hold the coordinates columnar or row-major; batches are cut by {@link #copyRow}.
 */
public interface TrainingData extends AutoCloseable {

  /** Data dimension d. */
  int dim();

  /** The training sigma values, ascending, one per group. */
  double[] sigmas();

  /** Particles in group {@code group}. */
  int count(int group);

  /** Writes particle {@code row} of group {@code group} into {@code dst[offset .. offset + d)}. */
  void copyRow(int group, int row, float[] dst, int offset);

  /** Releases off-heap memory, if any. */
  @Override
  default void close() {}

  /** Per-axis mean and standard deviation over every training particle (SPEC §2: stored with the model). */
  default Standardization statistics() {
    int d = dim();
    double[] sum = new double[d];
    double[] sq = new double[d];
    float[] row = new float[d];
    long n = 0;
    for (int g = 0; g < sigmas().length; g++) {
      for (int i = 0; i < count(g); i++) {
        copyRow(g, i, row, 0);
        for (int k = 0; k < d; k++) {
          sum[k] += row[k];
          sq[k] += (double) row[k] * row[k];
        }
        n++;
      }
    }
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int k = 0; k < d; k++) {
      mean[k] = sum[k] / n;
      std[k] = Math.sqrt(Math.max(sq[k] / n - mean[k] * mean[k], 0));
    }
    return new Standardization(mean, std);
  }
}
