package org.twostep.training.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads of the vector engine: a batch of rows is cut into one contiguous range per thread, each run start to
 * end (encoding, network, decoding) on its thread. A row's result depends only on the row, never on the cut.
 */
public final class HostThreads implements AutoCloseable {
  private final int count;
  private final ExecutorService pool;

  /** Work on rows {@code from .. to}. */
  @FunctionalInterface
  public interface RowRange {
    void run(int from, int to);
  }

  private HostThreads(int count) {
    this.count = count;
    this.pool = count > 1 ? Executors.newFixedThreadPool(count - 1, r -> {
      Thread t = new Thread(r, "twostep-host-net");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** {@code count} threads (at least 1): the caller's and count - 1 others. */
  public static HostThreads of(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("host threads must be >= 1, found " + count);
    }
    return new HostThreads(count);
  }

  /** Runs {@code work} over rows 0 .. rows in one range per thread (ranges of at least a tile), waiting for all. */
  public void forEachRange(int rows, RowRange work) {
    int parts = Math.max(1, Math.min(count, rows / HostNet.TILE));
    if (parts == 1) {
      work.run(0, rows);
      return;
    }
    List<Future<?>> others = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      int from = (int) ((long) rows * p / parts);
      int to = (int) ((long) rows * (p + 1) / parts);
      others.add(pool.submit(() -> work.run(from, to)));
    }
    RuntimeException failure = null;
    try {
      work.run(0, (int) ((long) rows / parts));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sampling", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
