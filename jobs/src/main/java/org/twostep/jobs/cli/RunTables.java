package org.twostep.jobs.cli;

import java.util.List;
import org.twostep.common.error.InvalidInputException;
import org.twostep.evaluation.metrics.MetricRow;
import org.twostep.jobs.io.RunStorage;
import org.twostep.jobs.spark.MetricTables;
import org.twostep.jobs.spark.Sessions;

/** What {@code show} and {@code compare} read of a run directory. */
final class RunTables {
  private RunTables() {}

  /**
   * Every metric row of the run's {@code metrics/} table (all experiments), by experiment, model and sigma_index, the
   * floor replicas read as their mean {@code noise_floor} row.
   */
  static List<MetricRow> metrics(RunStorage run) {
    if (!run.exists("metrics")) {
      throw new InvalidInputException(run.label() + " has no metrics/: run `twostep pipeline --out " + run.label()
          + "` (or evaluate) first");
    }
    return MetricTables.metricRows(Sessions.get().read().parquet(run.location() + "/metrics")
        .orderBy("experiment", "model", "sigma_index").collectAsList());
  }
}
