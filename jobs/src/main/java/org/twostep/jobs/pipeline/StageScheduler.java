package org.twostep.jobs.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.ToIntFunction;

/**
 * Runs a pipeline's stages within a thread budget: a stage starts once every stage it needs has finished and its
 * threads fit in what the running stages leave free; among ready stages the earlier in plan order goes first. A stage
 * that claims the whole budget (a Spark stage over every core) runs alone. Which stages overlap depends on timing,
 * what each computes does not: every stage runs with its own fixed thread count. After a failure no stage starts and
 * the running ones are waited for.
 */
public final class StageScheduler {
  /** A stage: its name (what others name in {@code after}), the stages it needs, the threads it keeps busy. */
  public record Stage(String name, List<String> args, Set<String> after, int threads) {
    public Stage {
      if (threads < 1) {
        throw new IllegalArgumentException("stage " + name + " needs at least one thread, found " + threads);
      }
      after = Set.copyOf(after);
      args = List.copyOf(args);
    }
  }

  /** Told on the scheduling thread, one stage at a time. */
  public interface Listener {
    /** {@code stage} starts with {@code threads} of the budget ({@code busy} in use, its own included). */
    default void started(Stage stage, int threads, int busy) {}

    /** {@code stage} ended with exit {@code code} after {@code seconds}. */
    default void finished(Stage stage, int code, double seconds) {}
  }

  /**
   * How a run ended: the first failing exit code (0 when all succeeded), the stages in the order they finished, and
   * the most threads held and stages run at once.
   */
  public record Outcome(int code, List<String> finished, int peakThreads, int peakStages) {}

  private final int budget;

  /** @param budget threads the stages may keep busy at once (the cores); 1 runs them one after another */
  public StageScheduler(int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("thread budget must be >= 1, found " + budget);
    }
    this.budget = budget;
  }

  /** The threads a stage holds: what it asks for, at most the whole budget. */
  public int threadsOf(Stage s) {
    return Math.min(s.threads(), budget);
  }

  /** Runs {@code plan} (every name in an {@code after} must be an earlier stage) with {@code runner}, which returns an exit code. */
  public Outcome run(List<Stage> plan, ToIntFunction<Stage> runner, Listener listener) {
    Map<String, Stage> byName = new LinkedHashMap<>();
    for (Stage s : plan) {
      for (String a : s.after()) {
        if (!byName.containsKey(a)) {
          throw new IllegalArgumentException("stage " + s.name() + " needs " + a + ", which is not an earlier stage");
        }
      }
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("stage " + s.name() + " is planned twice");
      }
    }
    record Done(Stage stage, int code, double seconds, Throwable error) {}
    LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    List<Stage> waiting = new ArrayList<>(plan);
    Set<String> finished = new HashSet<>();
    List<String> order = new ArrayList<>();
    int busy = 0;
    int running = 0;
    int peak = 0;
    int peakStages = 0;
    int code = 0;
    Throwable error = null;
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "twostep-stage");
      t.setDaemon(true);
      return t;
    });
    try {
      while (running > 0 || (code == 0 && !waiting.isEmpty())) {
        for (var it = waiting.iterator(); code == 0 && it.hasNext(); ) {
          Stage s = it.next();
          int threads = threadsOf(s);
          if (finished.containsAll(s.after()) && busy + threads <= budget) {
            it.remove();
            busy += threads;
            running++;
            peak = Math.max(peak, busy);
            peakStages = Math.max(peakStages, running);
            listener.started(s, threads, busy);
            pool.execute(() -> {
              long t0 = System.nanoTime();
              int c = 1;
              Throwable thrown = null;
              try {
                c = runner.applyAsInt(s);
              } catch (Throwable e) { // handed to the scheduling thread, which rethrows it once the others end
                thrown = e;
              }
              done.add(new Done(s, c, (System.nanoTime() - t0) / 1e9, thrown));
            });
          }
        }
        if (running == 0) {
          throw new IllegalStateException("no stage can start: " + waiting);
        }
        Done d;
        try {
          d = done.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while stages run", e);
        }
        running--;
        busy -= threadsOf(d.stage());
        finished.add(d.stage().name());
        order.add(d.stage().name());
        if (code == 0 && d.code() != 0) {
          code = d.code();
        }
        if (error == null) {
          error = d.error();
        }
        listener.finished(d.stage(), d.code(), d.seconds());
      }
    } finally {
      pool.shutdown();
    }
    if (error instanceof RuntimeException e) {
      throw e;
    }
    if (error instanceof Error e) {
      throw e;
    }
    if (error != null) {
      throw new IllegalStateException("stage failed", error);
    }
    return new Outcome(code, order, peak, peakStages);
  }
}
