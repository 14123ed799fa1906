package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Spark's task slots times the simulator's threads per task fill the embedded Spark's cores without exceeding them. */
class SimulationThreadsTest {

  @Test
  void tasksRunningAtOnceTimesThreadsFitTheLocalCores() {
    for (int cores = 1; cores <= 16; cores++) {
      for (int tasks = 1; tasks <= 50; tasks++) {
        int threads = SimulationTasks.threadsPerTask(0, "local[*]", cores, 1, tasks);
        int atOnce = Math.min(tasks, cores);
        String what = cores + " cores, " + tasks + " tasks: " + threads + " threads each";
        assertTrue(threads * atOnce <= cores, "oversubscribed, " + what);
        assertTrue(threads * atOnce > cores - atOnce, "cores left idle, " + what);
      }
    }
    // the quick ks-laminar-3d simulation on this project's 2-core machine: 48 tasks, one thread each
    assertEquals(1, SimulationTasks.threadsPerTask(0, "local[*]", 2, 1, 48));
    assertEquals(2, SimulationTasks.threadsPerTask(0, "local[*]", 2, 1, 1), "a lone task gets both cores");
  }

  @Test
  void theMasterNamesTheLocalCoresAndTaskCpusSplitThem() {
    assertEquals(1, SimulationTasks.threadsPerTask(0, "local", 8, 1, 10));
    assertEquals(4, SimulationTasks.threadsPerTask(0, "local[4]", 2, 1, 1), "local[N] wins over the machine");
    assertEquals(2, SimulationTasks.threadsPerTask(0, "local[4,3]", 2, 1, 2));
    assertEquals(2, SimulationTasks.threadsPerTask(0, "local[4]", 8, 2, 40), "task.cpus 2: two tasks of two");
  }

  @Test
  void onAClusterATaskHasItsTaskCpusAndASetValueWins() {
    assertEquals(1, SimulationTasks.threadsPerTask(0, "spark://host:7077", 64, 1, 3));
    assertEquals(4, SimulationTasks.threadsPerTask(0, "yarn", 64, 4, 3));
    assertEquals(3, SimulationTasks.threadsPerTask(3, "local[*]", 2, 1, 48));
  }
}
