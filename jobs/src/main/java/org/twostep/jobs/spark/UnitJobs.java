package org.twostep.jobs.spark;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one Spark job per unit of work, each computing and publishing its unit, at most as many at once as the
 * cluster has task slots: a unit is durable the moment its own job ends, not when the last one does, so a killed run
 * loses only the units in flight. Within the limit every job finds a free slot, so no finished unit waits behind
 * another unit's computation to be written.
 */
final class UnitJobs {
  private UnitJobs() {}

  /** Calls {@code job} for every unit from a pool of driver threads; the first failure cancels the rest and is thrown. */
  static <T> void run(SparkSession spark, List<T> units, Consumer<T> job) {
    run(spark, units, 0, job);
  }

  /**
   * As {@link #run(SparkSession, List, Consumer)}, at most {@code maxAtOnce} units at once (0: as many as there are
   * task slots), so a stage that runs beside others holds no more of the thread budget than it was given.
   */
  static <T> void run(SparkSession spark, List<T> units, int maxAtOnce, Consumer<T> job) {
    if (units.isEmpty()) {
      return;
    }
    SparkContext sc = spark.sparkContext();
    int taskCpus = Math.max(1, sc.getConf().getInt("spark.task.cpus", 1));
    int slots = Math.max(1, Math.min(units.size(), sc.defaultParallelism() / taskCpus));
    if (maxAtOnce > 0) {
      slots = Math.min(slots, maxAtOnce);
    }
    String group = "twostep-units-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
      Thread t = new Thread(r, "twostep-unit");
      t.setDaemon(true);
      return t;
    });
    CompletionService<Void> done = new ExecutorCompletionService<>(pool);
    try {
      for (T u : units) {
        done.submit(() -> {
          sc.setJobGroup(group, "twostep unit " + u, true);
          job.accept(u);
          return null;
        });
      }
      for (int i = 0; i < units.size(); i++) {
        done.take().get();
      }
    } catch (ExecutionException e) {
      sc.cancelJobGroup(group);
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      sc.cancelJobGroup(group);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while units were computed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
