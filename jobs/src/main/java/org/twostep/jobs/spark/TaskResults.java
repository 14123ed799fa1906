package org.twostep.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.SparkException;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs one Spark job over an RDD and hands each task's results to the driver as soon as that task finishes, not when
 * the whole job does: the driver publishes a unit while the others still compute, so a killed run keeps every unit
 * whose task had finished and been handed over.
 */
final class TaskResults {
  private TaskResults() {}

  private static <T, R> R call(Function<T, R> f, T t) {
    try {
      return f.call(t);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Maps every element with {@code compute} on the executors and calls {@code onTaskDone} on this thread with each
   * task's results, in the order tasks finish. A failing task or callback fails the whole call (the job is cancelled).
   */
  static <T, R> void forEach(JavaRDD<T> rdd, Function<T, R> compute, Consumer<List<R>> onTaskDone) {
    int partitions = rdd.getNumPartitions();
    BlockingQueue<List<R>> done = new LinkedBlockingQueue<>();
    Function1<scala.collection.Iterator<T>, List<R>> task = (Function1<scala.collection.Iterator<T>, List<R>>
        & Serializable) it -> {
          List<R> out = new ArrayList<>();
          for (java.util.Iterator<T> i = CollectionConverters.asJava(it); i.hasNext(); ) {
            out.add(call(compute, i.next()));
          }
          return out;
        };
    Function2<Object, List<R>, BoxedUnit> handler = (index, results) -> {
      done.add(results); // on the scheduler's thread: only hand over
      return BoxedUnit.UNIT;
    };
    Function0<BoxedUnit> result = () -> BoxedUnit.UNIT;
    List<Object> indices = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      indices.add(i);
    }
    @SuppressWarnings("unchecked")
    scala.collection.immutable.Seq<Object> seq = CollectionConverters.asScala(indices).toList();
    SimpleFutureAction<BoxedUnit> job = rdd.context().submitJob(rdd.rdd(), task, seq, handler, result);
    try {
      for (int received = 0; received < partitions; ) {
        List<R> r = done.poll(100, TimeUnit.MILLISECONDS);
        if (r != null) {
          received++;
          onTaskDone.accept(r);
        } else if (job.isCompleted() && done.isEmpty()) {
          job.get(); // throws the task's failure
          if (done.isEmpty()) {
            throw new IllegalStateException("job ended with " + received + " of " + partitions + " task results");
          }
        }
      }
      job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      job.cancel();
      throw new IllegalStateException("interrupted", e);
    } catch (SparkException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (RuntimeException e) {
      job.cancel();
      throw e;
    }
  }
}
