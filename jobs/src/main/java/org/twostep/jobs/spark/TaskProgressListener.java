package org.twostep.jobs.spark;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports each task once, by its partition index, when it first succeeds (on the driver; the cached results are read
 * again by later stages, which are not reported twice). With {@code resultTasksOnly}, only the tasks of a job's last
 * stage count: the shuffles before a {@code collect} are not the units of work.
 */
final class TaskProgressListener extends SparkListener {
  private final int expectedTasks;
  private final IntConsumer onTaskDone;
  private final boolean resultTasksOnly;
  private final Set<Integer> seen = new HashSet<>();

  TaskProgressListener(int expectedTasks, IntConsumer onTaskDone) {
    this(expectedTasks, onTaskDone, false);
  }

  TaskProgressListener(int expectedTasks, IntConsumer onTaskDone, boolean resultTasksOnly) {
    this.expectedTasks = expectedTasks;
    this.onTaskDone = onTaskDone;
    this.resultTasksOnly = resultTasksOnly;
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (resultTasksOnly && !"ResultTask".equals(end.taskType())) {
      return;
    }
    if (end.taskInfo().successful() && seen.size() < expectedTasks && seen.add(end.taskInfo().index())) {
      onTaskDone.accept(end.taskInfo().index());
    }
  }
}
