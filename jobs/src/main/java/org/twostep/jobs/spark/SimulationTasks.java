package org.twostep.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.twostep.common.config.SigmaCatalogue;
import org.twostep.common.data.Split;
import org.twostep.common.data.TaskKey;

/**
 * The simulation tasks of an experiment: the training grid, the test grid, and at every test sigma the independent
 * references of the noise floor ({@code simulate.floor_replicas} of reference_b, reference_c, reference_d).
 */
public final class SimulationTasks {
  private SimulationTasks() {}

  /** {@code simulate.floor_replicas}, checked; 1 for imported particles (import writes reference_b alone). */
  public static int floorReplicas(com.typesafe.config.Config c) {
    int n = org.twostep.common.config.ConfigReads.intIn(c, "simulate.floor_replicas", 1, 3);
    return ImportJob.imported(c) ? 1 : n;
  }

  public static List<TaskKey> plan(String experiment, SigmaCatalogue sigma, int floorReplicas) {
    List<TaskKey> tasks = new ArrayList<>();
    for (double s : sigma.train().values()) {
      tasks.add(new TaskKey(experiment, sigma.indexOf(s), s, Split.TRAIN));
    }
    List<Split> splits = new ArrayList<>(List.of(Split.TEST));
    splits.addAll(Split.floorReferences(floorReplicas));
    for (Split split : splits) {
      for (double s : sigma.test().values()) {
        tasks.add(new TaskKey(experiment, sigma.indexOf(s), s, split));
      }
    }
    return tasks;
  }
}
