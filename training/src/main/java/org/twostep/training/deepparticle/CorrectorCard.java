package org.twostep.training.deepparticle;

import java.util.List;

/**
 * The corrector's own card ({@code corrector.json}, beside the common {@code card.json}): what inference needs beyond
 * the shared card (domain, frame, network shape) and the run's progress (validation history, best step, time split),
 * which is also what a resumed run continues from.
 *
 * @param format card format version
 * @param periodic whether the domain is a torus
 * @param torusLength L on a torus, else null
 * @param inputs network input width
 * @param dim data dimension
 * @param width hidden width
 * @param blocks residual blocks
 * @param frame none | meanflow
 * @param frameSamples generator samples per sigma fixing the frame
 * @param seed the run's root seed (frames and validation draws derive from it)
 * @param beta displacement penalty weight
 * @param coupling exact | sinkhorn
 * @param sinkhornEps Sinkhorn regularisation (sinkhorn only)
 * @param batchSize N
 * @param refreshEvery K
 * @param roundsDone coupling rounds completed
 * @param bestStep step of the best validation (the kept weights)
 * @param bestValidation best validation W2sq (model coordinates), NaN without validation
 * @param initialValidation validation W2sq of the identity corrector, i.e. of the generator alone
 * @param sinceBest validations since the best one
 * @param stoppedEarly whether the run stopped on the validation rule
 * @param validations validation history
 * @param times time split of the run
 * @param clampSigma sigma outside the training range enters as the nearest end of it (absent in older cards: false)
 */
public record CorrectorCard(int format, boolean periodic, Double torusLength, int inputs, int dim, int width,
    int blocks, String frame, int frameSamples, long seed, double beta, String coupling, double sinkhornEps,
    int batchSize, int refreshEvery, int roundsDone, int bestStep, double bestValidation, double initialValidation,
    int sinceBest, boolean stoppedEarly, List<ValidationPoint> validations, DpTimes times, boolean clampSigma) {

  public static final int FORMAT = 1;
  public static final String FILE = "corrector.json";

  /** One validation: step and mean W2sq over the training sigma (model coordinates). */
  public record ValidationPoint(int step, double w2sq) {}

  /** The card of a finished corrector's model directory, or null if it has none. */
  public static CorrectorCard readFrom(java.nio.file.Path modelDir) {
    return CorrectorFiles.read(modelDir.resolve(FILE));
  }
}
