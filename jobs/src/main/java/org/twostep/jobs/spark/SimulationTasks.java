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

  private static final java.util.regex.Pattern LOCAL = java.util.regex.Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?\\])?");

  /** The threads each of {@code tasks} simulation tasks runs on ({@code simulate.threads}, resolved on this session). */
  public static int threadsPerTask(int configured, org.apache.spark.SparkContext sc, int tasks) {
    return threadsPerTask(configured, sc.master(), Runtime.getRuntime().availableProcessors(),
        sc.getConf().getInt("spark.task.cpus", 1), tasks);
  }

  /**
   * {@code configured} when positive. Else the cores a task has: on the embedded Spark ({@code local[N]}, {@code *} =
   * {@code cores}) the N cores over the tasks that run at once, so Spark's task slots and the simulator's threads
   * together keep N busy (one thread a task while tasks outnumber cores, more for the last few); on a cluster
   * {@code spark.task.cpus}, the cores Spark reserves for a task. Results do not depend on it (SPEC §1).
   */
  static int threadsPerTask(int configured, String master, int cores, int taskCpus, int tasks) {
    if (configured > 0) {
      return configured;
    }
    java.util.regex.Matcher m = LOCAL.matcher(master);
    if (!m.matches()) {
      return Math.max(1, taskCpus);
    }
    int local = m.group(1) == null ? 1 : m.group(1).equals("*") ? cores : Integer.parseInt(m.group(1));
    int atOnce = Math.max(1, Math.min(tasks, local / Math.max(1, taskCpus)));
    return Math.max(1, local / atOnce);
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
