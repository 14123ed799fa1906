package org.twostep.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.twostep.jobs.pipeline.StageScheduler.Stage;

/** Stages start after what they need, never above the thread budget, overlap when they may, stop on a failure. */
class StageSchedulerTest {

  private static Stage stage(String name, int threads, String... after) {
    return new Stage(name, List.of(name), Set.of(after), threads);
  }

  /** The pipeline's shape: a whole-budget head, two independent branches, a whole-budget tail. */
  private static List<Stage> diamond(int budget) {
    return List.of(stage("sim", budget), stage("mf", 1, "sim"), stage("dp", 1, "mf"), stage("imm", 1, "sim"),
        stage("gen mf", 1, "mf"), stage("gen dp", 1, "dp"), stage("gen imm", 1, "imm"),
        stage("eval", budget, "gen mf", "gen dp", "gen imm"), stage("report", budget, "eval"));
  }

  /** Runs a plan whose stages sleep a little, checking the budget and the order at every start. */
  private static StageScheduler.Outcome runChecked(List<Stage> plan, int budget, List<String> violations) {
    AtomicInteger busy = new AtomicInteger();
    Set<String> finished = ConcurrentHashMap.newKeySet();
    StageScheduler scheduler = new StageScheduler(budget);
    return scheduler.run(plan, s -> {
      int now = busy.addAndGet(scheduler.threadsOf(s));
      if (now > budget) {
        violations.add(s.name() + " started with " + now + " threads busy");
      }
      if (!finished.containsAll(s.after())) {
        violations.add(s.name() + " started before " + s.after());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      busy.addAndGet(-scheduler.threadsOf(s));
      finished.add(s.name());
      return 0;
    }, new StageScheduler.Listener() {});
  }

  @Test
  void neverAboveTheBudgetAndNeverBeforeWhatAStageNeeds() {
    for (int budget : new int[] {1, 2, 3, 8}) {
      List<String> violations = Collections.synchronizedList(new ArrayList<>());
      StageScheduler.Outcome o = runChecked(diamond(budget), budget, violations);
      assertEquals(List.of(), violations, "budget " + budget);
      assertEquals(0, o.code());
      assertEquals(9, o.finished().size());
      assertEquals("report", o.finished().get(8));
      assertTrue(o.peakThreads() <= budget && o.peakThreads() >= 1);
    }
  }

  @Test
  void independentStagesRunAtOnceWithinTheBudget() {
    // each of mf and imm waits until the other has started: only concurrent stages get past the latch
    CountDownLatch both = new CountDownLatch(2);
    StageScheduler.Outcome o = new StageScheduler(2).run(diamond(2), s -> {
      if (s.name().equals("mf") || s.name().equals("imm")) {
        both.countDown();
        try {
          return both.await(10, TimeUnit.SECONDS) ? 0 : 1;
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return 0;
    }, new StageScheduler.Listener() {});
    assertEquals(0, o.code(), "mf and imm did not overlap");
    assertEquals(2, o.peakThreads());
    assertEquals(2, o.peakStages());
  }

  @Test
  void aBudgetOfOneRunsThePlanInOrder() {
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    StageScheduler.Outcome o = new StageScheduler(1).run(diamond(1), s -> {
      started.add(s.name());
      return 0;
    }, new StageScheduler.Listener() {});
    assertEquals(List.of("sim", "mf", "dp", "imm", "gen mf", "gen dp", "gen imm", "eval", "report"), started);
    assertEquals(started, o.finished());
    assertEquals(1, o.peakThreads());
    assertEquals(1, o.peakStages());
  }

  @Test
  void aStageAskingForMoreThanTheBudgetRunsAloneOnAllOfIt() {
    StageScheduler s = new StageScheduler(2);
    assertEquals(2, s.threadsOf(stage("big", 5)));
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    List<Stage> plan = List.of(stage("a", 1), stage("big", 5), stage("b", 1));
    assertEquals(0, runChecked(plan, 2, violations).code());
    assertEquals(List.of(), violations);
  }

  @Test
  void aFailureStartsNothingMoreAndReturnsItsCode() {
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    StageScheduler.Outcome o = new StageScheduler(2).run(diamond(2), s -> {
      started.add(s.name());
      return s.name().equals("mf") ? 3 : 0;
    }, new StageScheduler.Listener() {});
    assertEquals(3, o.code());
    assertFalse(started.contains("dp"), "dp needs the failed mf: " + started);
    assertFalse(started.contains("eval"), started.toString());
    assertFalse(started.contains("report"), started.toString());
  }

  @Test
  void anExceptionInAStageIsRethrownAfterTheOthersEnd() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StageScheduler(2).run(diamond(2),
        s -> {
          if (s.name().equals("imm")) {
            throw new IllegalStateException("boom");
          }
          return 0;
        }, new StageScheduler.Listener() {}));
    assertEquals("boom", e.getMessage());
  }

  @Test
  void aPlanNamingALaterOrUnknownStageIsRejected() {
    StageScheduler s = new StageScheduler(2);
    assertThrows(IllegalArgumentException.class,
        () -> s.run(List.of(stage("a", 1, "b"), stage("b", 1)), x -> 0, new StageScheduler.Listener() {}));
    assertThrows(IllegalArgumentException.class,
        () -> s.run(List.of(stage("a", 1), stage("a", 1)), x -> 0, new StageScheduler.Listener() {}));
    assertThrows(IllegalArgumentException.class, () -> new StageScheduler(0));
  }
}
