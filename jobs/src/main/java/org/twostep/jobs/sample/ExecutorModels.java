package org.twostep.jobs.sample;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models {@link SampleJob} opened in this JVM, one per (run, model, configuration), shared by every task the
 * executor runs: the one deliberate static cache of the project, so a model is loaded once per executor instead of
 * once per task ({@link Surrogate} is safe to share between task threads). They live as long as the executor.
 */
final class ExecutorModels {
  private static final ConcurrentHashMap<String, Surrogate> OPEN = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ExecutorModels() {}

  static Surrogate get(String run, String model, String renderedConfig) {
    return OPEN.computeIfAbsent(run + '\n' + model + '\n' + renderedConfig, k -> {
      LOADS.incrementAndGet();
      return Surrogate.open(Path.of(run), model, ConfigFactory.parseString(renderedConfig).resolve());
    });
  }

  /** Models loaded by this JVM so far. */
  static int loads() {
    return LOADS.get();
  }

  /** Closes and forgets every model (for a driver that is done sampling, and for tests). */
  static void closeAll() {
    OPEN.values().forEach(Surrogate::close);
    OPEN.clear();
  }
}
