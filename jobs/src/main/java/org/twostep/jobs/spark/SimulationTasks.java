package org.twostep.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.Split;
import org.twostep.common.data.TaskKey;

/** The simulation tasks of an experiment: the training grid, the test grid, and reference_b at every test sigma. */
public final class SimulationTasks {
  private SimulationTasks() {}

  public static List<TaskKey> plan(String experiment, SigmaCatalogue sigma) {
    List<TaskKey> tasks = new ArrayList<>();
    for (double s : sigma.train().values()) {
      tasks.add(new TaskKey(experiment, sigma.indexOf(s), s, Split.TRAIN));
    }
    for (Split split : List.of(Split.TEST, Split.REFERENCE_B)) {
      for (double s : sigma.test().values()) {
        tasks.add(new TaskKey(experiment, sigma.indexOf(s), s, split));
      }
    }
    return tasks;
  }
}
