package org.twostep.evaluation.metrics;

/**
 * The moment errors of SPEC §6: |mean_g - mean_r| and the Frobenius norm of cov_g - cov_r. Serializable: the evaluate
 * job computes them on the driver and ships them into the task that measures the pair.
 */
public record MomentErrors(double meanError, double covError) implements java.io.Serializable {

  public static MomentErrors between(Moments reference, Moments generated) {
    if (reference.dim() != generated.dim()) {
      throw new IllegalArgumentException("moments of " + reference.dim() + "D and " + generated.dim() + "D clouds");
    }
    int d = reference.dim();
    double m = 0;
    double c = 0;
    for (int i = 0; i < d; i++) {
      double dm = generated.mean(i) - reference.mean(i);
      m += dm * dm;
      for (int j = 0; j < d; j++) {
        double dc = generated.covariance(i, j) - reference.covariance(i, j);
        c += dc * dc;
      }
    }
    return new MomentErrors(Math.sqrt(m), Math.sqrt(c));
  }
}
