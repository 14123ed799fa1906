package org.twostep.simulation.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a fixed set of independent blocks on a small pool: the caller plus {@code threads - 1} daemon workers
 * pull block indices from a shared counter. Blocks are fixed by the caller, never by the thread count, so
 * results are identical for any number of threads as long as each block writes only its own outputs.
 * One runner per task; close it when the task ends. Also the threads of the vector sampling engine
 * ({@code training.nn.HostNet#inBlocks}).
 */
public final class BlockRunner implements AutoCloseable {
  private final int threads;
  private final ExecutorService workers;

  public BlockRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, found " + threads);
    }
    this.threads = threads;
    this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "twostep-worker");
      t.setDaemon(true);
      return t;
    });
  }

  public int threads() {
    return threads;
  }

  /** Runs {@code body.accept(b)} for every b in [0, blocks) and returns when all are done. */
  public void run(int blocks, IntConsumer body) {
    if (workers == null || blocks <= 1) {
      for (int b = 0; b < blocks; b++) {
        body.accept(b);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable pull = () -> {
      for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
        body.accept(b);
      }
    };
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < Math.min(threads - 1, blocks - 1); w++) {
      futures.add(workers.submit(pull));
    }
    RuntimeException failure = null;
    try {
      pull.run();
    } catch (RuntimeException e) {
      next.set(blocks); // stop the others early
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for blocks", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
  }
}
