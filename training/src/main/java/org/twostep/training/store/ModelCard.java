package org.twostep.training.store;

import java.util.List;

/**
 * The JSON card beside a model's parameter file (SPEC §7): architecture, normalization, sigma range, config hash,
 * training curve, and the SHA-256 of the parameter file so a corrupted file is detected before use.
 *
 * @param format card format version
 * @param kind model kind ("meanflow")
 * @param configHash hash of the configuration the model was trained with
 * @param finished whether training reached {@code stepsPlanned}
 * @param stepsPlanned optimizer steps of the full run
 * @param stepsDone optimizer steps taken
 * @param seed root seed of the run
 * @param architecture network shape
 * @param normalization coordinate standardization
 * @param sigma training sigma and the feature scaling
 * @param torusLength domain length L when outputs are wrapped into [0, L)^d, else null
 * @param paramsFile parameter file name (the EMA weights, used for sampling)
 * @param paramsSha256 SHA-256 of the parameter file
 * @param lossFile per-step loss file name
 * @param trainingCurve mean loss per checkpoint interval
 * @param trainingSeconds wall time spent training, summed over resumed runs
 * @param device device trained on
 * @param writtenUtc time the card was written
 * @param codeVersion git commit of the build that trained the model ({@code -dirty}: uncommitted changes), null in
 *     cards written before the field
 */
public record ModelCard(int format, String kind, String configHash, boolean finished, int stepsPlanned,
    int stepsDone, long seed, Architecture architecture, Normalization normalization, SigmaRange sigma,
    Double torusLength, String paramsFile, String paramsSha256, String lossFile, List<CurvePoint> trainingCurve,
    double trainingSeconds, String device, String writtenUtc, String codeVersion) {

  public static final int FORMAT = 1;

  /** Network shape. */
  public record Architecture(int dim, int width, int depth, double[] timeFrequencies, String sigmaFeatures,
      int sigmaFeatureCount, String activation, double headGain) {}

  /**
   * Per-axis mean and standard deviation of the training particles, and on a torus the per-axis seam and the period
   * (both null on a Euclidean domain and in cards written before seams existed).
   */
  public record Normalization(double[] mean, double[] std, double[] seam, Double period) {
    /** The card entry of a standardization. */
    public static Normalization of(org.twostep.training.data.Standardization s) {
      return new Normalization(s.mean(), s.std(), s.seam(), s.seam() == null ? null : s.period());
    }

    /** The standardization this card stored (what a resumed run and the generator must keep using). */
    public org.twostep.training.data.Standardization standardization() {
      return seam == null ? new org.twostep.training.data.Standardization(mean, std)
          : new org.twostep.training.data.Standardization(mean, std, seam, period);
    }
  }

  /** Training sigma values, their range, and the scaling of the transformed feature. */
  public record SigmaRange(String transform, double[] training, double min, double max, double featureMin,
      double featureMax) {}

  /** One point of the training curve. */
  public record CurvePoint(int step, double loss) {}

  /** Whether sigma lies in the closed training range (otherwise generating at it is extrapolation). */
  public boolean inTrainingRange(double s) {
    double tol = 1e-9 * Math.max(Math.abs(sigma.max()), 1e-300);
    return s >= sigma.min() - tol && s <= sigma.max() + tol;
  }
}
