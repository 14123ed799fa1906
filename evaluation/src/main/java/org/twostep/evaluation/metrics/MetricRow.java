package org.twostep.evaluation.metrics;

/**
 * One row of {@code metrics/} (SPEC §7): the distance of one model's cloud from the test reference at one sigma,
 * with the moment errors of SPEC §6 beside it.
 *
 * @param bins bins per axis of a histogram metric, or points per subsample of the subsample EMD
 * @param meanError Euclidean norm of the difference of the means
 * @param covError Frobenius norm of the difference of the (population) covariances
 * @param outsideMass share of the generated cloud outside the reference's padded bounding box (the histogram box of
 *     SPEC §6; reported for every Euclidean metric), NaN on a torus or in tables written before the column
 * @param particleW2sq W2² of the particle-level view (exact EMD between subsamples; {@code evaluate.particle_view}),
 *     NaN when off or in tables written before the column
 * @param seconds wall time of the distance computation
 */
public record MetricRow(String experiment, String model, String metric, double sigma, int sigmaIndex,
    boolean inTrainingRange, double w2sq, double w2, int bins, long nReference, long nGenerated, double meanError,
    double covError, double outsideMass, double particleW2sq, double seconds, String configHash, String codeVersion)
    implements java.io.Serializable {

  /** This row with the moment errors filled in. */
  public MetricRow withMoments(MomentErrors e) {
    return new MetricRow(experiment, model, metric, sigma, sigmaIndex, inTrainingRange, w2sq, w2, bins, nReference,
        nGenerated, e.meanError(), e.covError(), outsideMass, particleW2sq, seconds, configHash, codeVersion);
  }
}
