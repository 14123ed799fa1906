package org.twostep.simulation.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class BlockRunnerTest {

  /** Every block runs exactly once; with 3 threads the work really is shared (the parallel path is exercised). */
  @Test
  void runsEveryBlockOnceOnSeveralThreads() {
    int blocks = 40;
    for (int threads : new int[] {1, 3}) {
      AtomicIntegerArray runs = new AtomicIntegerArray(blocks);
      Set<String> names = ConcurrentHashMap.newKeySet();
      try (BlockRunner r = new BlockRunner(threads)) {
        r.run(blocks, b -> {
          runs.incrementAndGet(b);
          names.add(Thread.currentThread().getName());
          try {
            Thread.sleep(2); // long enough that idle workers pick up blocks
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      for (int b = 0; b < blocks; b++) {
        assertEquals(1, runs.get(b), "block " + b);
      }
      assertEquals(threads == 1, names.size() == 1, "threads used: " + names);
    }
  }

  /** A failing block's exception reaches the caller (typed kinds stay typed). */
  @Test
  void propagatesTheFirstFailure() {
    IllegalStateException boom = new IllegalStateException("block 7");
    try (BlockRunner r = new BlockRunner(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.run(20, b -> {
        if (b == 7) {
          throw boom;
        }
      }));
      assertSame(boom, e);
      r.run(3, b -> { }); // still usable after a failure
    }
  }
}
