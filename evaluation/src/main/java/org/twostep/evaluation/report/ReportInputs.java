package org.twostep.evaluation.report;

import java.util.List;
import java.util.Map;
import org.twostep.common.data.ParticleCloud;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.evaluation.warmstart.EigenRow;
import org.twostep.evaluation.warmstart.FrontSpeed;

/**
 * Everything the report shows, read from the run's tables by the caller.
 *
 * @param experiment the experiment's name
 * @param metrics the rows of {@code metrics/}
 * @param trainMin lower end of the training range
 * @param trainMax upper end of the training range
 * @param logSigma whether sigma is drawn on a log axis
 * @param projections by sigma: the clouds to draw (reference first) and their shared box
 * @param eigen the warm-start rows (empty for KS)
 * @param eigenReference the long-run mu by sigma_index
 * @param frontSpeeds the lambda-scan results (empty when no scan ran)
 * @param curves the trained models' loss curves (and the corrector's validations), empty when none is trained
 */
public record ReportInputs(String experiment, List<MetricRow> metrics, double trainMin, double trainMax,
    boolean logSigma, Map<Double, Projection> projections, List<EigenRow> eigen, Map<Integer, Double> eigenReference,
    List<FrontSpeed> frontSpeeds, List<TrainingCurveChart.Curve> curves) {

  /** The clouds drawn at one sigma (insertion order: the reference, then models) and their box. */
  public record Projection(Map<String, ParticleCloud> clouds, PlotBox box) {}
}
